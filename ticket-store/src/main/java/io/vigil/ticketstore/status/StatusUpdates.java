package io.vigil.ticketstore.status;

import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code status_updates} table: updates are only added, never changed, and an incident stays on
 * the status page until {@value #SHOWN_DAYS} days after an update said it was resolved.
 */
@Singleton
public class StatusUpdates {

  /** How long a resolved incident stays on the status page after its last update. */
  public static final int SHOWN_DAYS = 7;

  private static final String COLUMNS =
      "seq, incident_id, status, title, message, posted_by, posted_at";

  private final Database db;

  public StatusUpdates(Database db) {
    this.db = db;
  }

  /** Stores the update and returns it with its sequence number. */
  public StatusUpdate post(StatusUpdate update) {
    long seq =
        db.transaction(
            "post a status update of incident " + update.incidentId(),
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO status_updates (incident_id, status, title, message, posted_by,"
                          + " posted_at) VALUES (?, ?, ?, ?, ?, ?)",
                      new String[] {"seq"})) {
                Database.bind(
                    ps,
                    update.incidentId(),
                    update.status().name(),
                    update.title(),
                    update.message(),
                    update.postedBy(),
                    update.at());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    return new StatusUpdate(
        seq,
        update.incidentId(),
        update.status(),
        update.title(),
        update.message(),
        update.postedBy(),
        update.at());
  }

  /** The incident's updates, newest first. */
  public List<StatusUpdate> of(String incidentId) {
    return db.query(
        "read the status updates of incident " + incidentId,
        "SELECT " + COLUMNS + " FROM status_updates WHERE incident_id = ? ORDER BY seq DESC",
        StatusUpdates::read,
        incidentId);
  }

  /**
   * The updates of every incident still shown at {@code now} (its last update is not {@code
   * resolved}, or is younger than {@value #SHOWN_DAYS} days), by incident, newest update first.
   */
  public Map<String, List<StatusUpdate>> shown(Instant now) {
    List<StatusUpdate> rows =
        db.query(
            "read the public status updates",
            "SELECT "
                + COLUMNS
                + " FROM status_updates WHERE incident_id IN (SELECT incident_id FROM"
                + " status_updates WHERE seq IN (SELECT MAX(seq) FROM status_updates GROUP BY"
                + " incident_id) AND (status <> 'RESOLVED' OR posted_at >= ?))"
                + " ORDER BY seq DESC",
            StatusUpdates::read,
            now.minus(java.time.Duration.ofDays(SHOWN_DAYS)));
    Map<String, List<StatusUpdate>> byIncident = new LinkedHashMap<>();
    for (StatusUpdate u : rows) {
      byIncident.computeIfAbsent(u.incidentId(), k -> new java.util.ArrayList<>()).add(u);
    }
    return byIncident;
  }

  private static StatusUpdate read(ResultSet rs) throws SQLException {
    return new StatusUpdate(
        rs.getLong("seq"),
        rs.getString("incident_id"),
        PublicStatus.valueOf(rs.getString("status")),
        rs.getString("title"),
        rs.getString("message"),
        rs.getString("posted_by"),
        Database.instant(rs, "posted_at"));
  }
}
