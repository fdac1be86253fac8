package io.vigil.ticketstore.console;

import io.vigil.ticketstore.auth.ApiTokens;
import io.vigil.ticketstore.auth.Caller;
import io.vigil.ticketstore.auth.Role;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions: signing in with a known API token opens one for {@link #LIFETIME} (and forgets
 * the expired ones), the browser keeps only a random id (stored as its SHA-256), and a session acts
 * with its token's name and role only while that token exists, so revoking the token signs every
 * session of it out.
 */
@Singleton
public class ConsoleSessions {

  /** How long a session lasts after signing in. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final ApiTokens tokens;

  public ConsoleSessions(Database db, ApiTokens tokens) {
    this.db = db;
    this.tokens = tokens;
  }

  /** A signed-in session: who acts (via {@code console}) and the token its forms must carry. */
  public record Session(String id, Caller caller, String csrfToken) {}

  /** Opens a session for a known API token; empty when the token is unknown. */
  public Optional<Session> open(String apiToken) {
    if (apiToken == null || apiToken.isBlank()) {
      return Optional.empty();
    }
    Optional<Caller> caller = tokens.authenticate(apiToken.trim());
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    String id = random();
    String csrf = random();
    Instant now = Instant.now();
    db.update(
        "forget expired console sessions",
        "DELETE FROM console_sessions WHERE expires_at <= ?",
        now);
    db.update(
        "open a console session",
        "INSERT INTO console_sessions (session_hash, token_hash, csrf_token, created_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?)",
        ApiTokens.hash(id),
        ApiTokens.hash(apiToken.trim()),
        csrf,
        now,
        now.plus(LIFETIME));
    return Optional.of(
        new Session(id, Caller.console(caller.get().name(), caller.get().role()), csrf));
  }

  /** The live session with this id, if its token still exists and it has not expired. */
  public Optional<Session> find(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return db.queryOne(
        "read a console session",
        "SELECT s.csrf_token, t.name, t.role FROM console_sessions s"
            + " JOIN api_tokens t ON t.token_hash = s.token_hash"
            + " WHERE s.session_hash = ? AND s.expires_at > ?",
        rs ->
            new Session(
                id,
                Caller.console(rs.getString("name"), Role.valueOf(rs.getString("role"))),
                rs.getString("csrf_token")),
        ApiTokens.hash(id),
        Instant.now());
  }

  /** Ends the session (signing out). */
  public void close(String id) {
    db.update(
        "close a console session",
        "DELETE FROM console_sessions WHERE session_hash = ?",
        ApiTokens.hash(id == null ? "" : id));
  }

  /** Whether a form's CSRF token is the session's, compared in constant time. */
  public static boolean csrfMatches(Session session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
