package io.vigil.ticketstore.link;

import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code action_link_uses} table: a link is claimed once, by the SHA-256 of its token, so a
 * second click finds the first use instead of issuing another command; rows past their link's
 * expiry are dropped, since an expired link is refused anyway.
 */
@Singleton
public class LinkUses {

  private final Database db;

  public LinkUses(Database db) {
    this.db = db;
  }

  /** The first use of a link: the command it issued, by whom and when. */
  public record Use(String commandId, String userId, LinkAction action, Instant usedAt) {}

  /** The earlier use of the link with this token hash, if any. */
  public Optional<Use> find(String tokenHash) {
    return db.queryOne(
        "read an action link's use",
        "SELECT command_id, user_id, action, used_at FROM action_link_uses WHERE token_hash = ?",
        rs ->
            new Use(
                rs.getString("command_id"),
                rs.getString("user_id"),
                LinkAction.valueOf(rs.getString("action")),
                Database.instant(rs, "used_at")),
        tokenHash);
  }

  /** Claims the link for {@code commandId}; false when another request claimed it first. */
  public boolean claim(LinkClaim claim, String commandId, Instant now) {
    return db.transaction(
        "record an action link's use",
        c -> {
          Database.update(c, "DELETE FROM action_link_uses WHERE expires_at < ?", now);
          return Database.update(
                  c,
                  "INSERT INTO action_link_uses (token_hash, incident_id, action, user_id,"
                      + " command_id, used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING",
                  claim.tokenHash(),
                  claim.incidentId(),
                  claim.action().name(),
                  claim.userId(),
                  commandId,
                  now,
                  claim.expiresAt())
              == 1;
        });
  }

  /** Gives the link back when its command could not be published, so it can be used again. */
  public void release(String tokenHash, String commandId) {
    db.update(
        "release an action link",
        "DELETE FROM action_link_uses WHERE token_hash = ? AND command_id = ?",
        tokenHash,
        commandId);
  }
}
