package io.vigil.ticketstore.auth;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of every human action: who, how (api, link, console), what and when. It
 * has no update or delete, on purpose.
 */
@Singleton
public class AuditLog {

  private static final Argument<Map<String, Object>> DETAILS =
      Argument.mapOf(String.class, Object.class);

  private final Database db;
  private final JsonMapper json;

  public AuditLog(Database db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** One line of the audit log. */
  @Serdeable
  public record AuditEntry(
      long seq,
      Instant at,
      String actor,
      String via,
      String action,
      String target,
      Map<String, Object> details) {}

  /** Appends what {@code caller} did to {@code target}, through the channel the caller came by. */
  public void record(Caller caller, String action, String target, Map<String, Object> details) {
    String text;
    try {
      text = json.writeValueAsString(details);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write audit details as JSON", e);
    }
    db.update(
        "append to the audit log",
        "INSERT INTO audit_log (at, actor, via, action, target, details) VALUES (?, ?, ?, ?, ?, ?)",
        Instant.now(),
        caller.name(),
        caller.via().label(),
        action,
        target,
        text);
  }

  /** The first {@code limit} lines after {@code afterSeq}, oldest first. */
  public List<AuditEntry> read(long afterSeq, int limit) {
    return read(afterSeq, limit, null);
  }

  /** The first {@code limit} lines after {@code afterSeq} that came {@code via} (any when null). */
  public List<AuditEntry> read(long afterSeq, int limit, Via via) {
    Object[] values =
        via == null ? new Object[] {afterSeq, limit} : new Object[] {afterSeq, via.label(), limit};
    return db.query(
        "read the audit log",
        "SELECT seq, at, actor, via, action, target, details FROM audit_log WHERE seq > ?"
            + (via == null ? "" : " AND via = ?")
            + " ORDER BY seq LIMIT ?",
        rs ->
            new AuditEntry(
                rs.getLong("seq"),
                Database.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("via"),
                rs.getString("action"),
                rs.getString("target"),
                parse(rs.getString("details"))),
        values);
  }

  private Map<String, Object> parse(String text) {
    try {
      return json.readValue(text, DETAILS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit details: " + text, e);
    }
  }
}
