package io.vigil.ticketstore.auth;

import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens, kept only as their SHA-256: a token is shown once when created and can never be
 * read back, and a leaked table does not leak a usable token.
 */
@Singleton
public class ApiTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;

  public ApiTokens(Database db) {
    this.db = db;
  }

  /** A token's name, role and creation time; never the token. */
  public record TokenInfo(String name, Role role, Instant createdAt) {}

  /** The hex SHA-256 of a token, as stored. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The caller a presented token stands for, if it is known. */
  public Optional<Caller> authenticate(String token) {
    return db.queryOne(
        "check an API token",
        "SELECT name, role FROM api_tokens WHERE token_hash = ?",
        rs -> Caller.apiToken(rs.getString("name"), Role.valueOf(rs.getString("role"))),
        hash(token));
  }

  /**
   * Creates a token and returns it; this is the only time it is visible.
   *
   * @throws IllegalArgumentException if the name is blank, too long or taken
   */
  public String create(String name, Role role) {
    validateName(name);
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = "vgl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    boolean created =
        db.transaction(
            "create API token " + name,
            c -> {
              if (!Database.query(
                      c, "SELECT 1 FROM api_tokens WHERE name = ?", rs -> 1, name.trim())
                  .isEmpty()) {
                return false;
              }
              Database.update(
                  c,
                  "INSERT INTO api_tokens (token_hash, name, role, created_at) VALUES (?, ?, ?, ?)",
                  hash(token),
                  name.trim(),
                  role.name(),
                  Instant.now());
              return true;
            });
    if (!created) {
      throw new IllegalArgumentException(
          "a token named '" + name.trim() + "' exists already; choose another name");
    }
    return token;
  }

  /** Makes {@code token} the one token named {@code name}, with {@code role}. */
  public void ensure(String name, Role role, String token) {
    db.transaction(
        "install API token " + name,
        c -> {
          Database.update(
              c, "DELETE FROM api_tokens WHERE name = ? OR token_hash = ?", name, hash(token));
          return Database.update(
              c,
              "INSERT INTO api_tokens (token_hash, name, role, created_at) VALUES (?, ?, ?, ?)",
              hash(token),
              name,
              role.name(),
              Instant.now());
        });
  }

  /** Every token's name and role, by name. */
  public List<TokenInfo> list() {
    return db.query(
        "list API tokens",
        "SELECT name, role, created_at FROM api_tokens ORDER BY name",
        rs ->
            new TokenInfo(
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                Database.instant(rs, "created_at")));
  }

  /** Revokes the token named {@code name}; whether there was one. */
  public boolean revoke(String name) {
    return db.update("revoke API token " + name, "DELETE FROM api_tokens WHERE name = ?", name) > 0;
  }

  private static void validateName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank: say whose token this is");
    }
    if (name.trim().length() > 100) {
      throw new IllegalArgumentException("name must be at most 100 characters");
    }
  }
}
