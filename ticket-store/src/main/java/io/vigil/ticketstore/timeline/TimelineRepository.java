package io.vigil.ticketstore.timeline;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the {@code timeline_entries} table: an event's line is written at most once, and a
 * timeline reads back in the order things happened (ties in arrival order).
 */
@Singleton
public class TimelineRepository {

  private static final Argument<Map<String, Object>> DETAILS =
      Argument.mapOf(String.class, Object.class);

  private final JsonMapper json;

  public TimelineRepository(JsonMapper json) {
    this.json = json;
  }

  /**
   * Inserts the line unless its {@code (source, eventId)} is already recorded.
   *
   * @return whether the line is new
   */
  public boolean insertIfNew(Connection c, TimelineEntry entry) throws SQLException {
    return insertAllIfNew(c, List.of(entry))[0];
  }

  /**
   * Inserts each line unless its {@code (source, eventId)} is already recorded (also earlier in
   * {@code entries}), as one JDBC batch. A duplicate is skipped by the database ({@code ON CONFLICT
   * DO NOTHING}) without failing the statement, so one transaction can hold many events, duplicates
   * among them.
   *
   * @return for each line, in order, whether it is new
   * @throws IllegalStateException if the driver does not say which lines were inserted (the
   *     PostgreSQL driver's {@code reWriteBatchedInserts}, which must stay off)
   */
  public boolean[] insertAllIfNew(Connection c, List<TimelineEntry> entries) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO timeline_entries (source, event_id, incident_id, occurred_at, kind,"
                + " actor, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (TimelineEntry entry : entries) {
        insert.setString(1, entry.source());
        insert.setString(2, entry.eventId());
        insert.setString(3, entry.incidentId());
        insert.setObject(4, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
        insert.setString(5, entry.kind().name());
        insert.setString(6, entry.actor());
        insert.setString(7, entry.summary());
        insert.setString(8, toJson(entry.details()));
        insert.addBatch();
      }
      int[] counts = insert.executeBatch();
      boolean[] inserted = new boolean[entries.size()];
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] < 0) {
          throw new IllegalStateException(
              "the JDBC driver did not say which timeline lines were new; remove"
                  + " reWriteBatchedInserts from VIGIL_DB_URL");
        }
        inserted[i] = counts[i] == 1;
      }
      return inserted;
    }
  }

  /** The incident's timeline, oldest first. */
  public List<TimelineEntry> timeline(Connection c, String incidentId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT source, event_id, incident_id, occurred_at, kind, actor, summary, details"
                + " FROM timeline_entries WHERE incident_id = ? ORDER BY occurred_at, seq")) {
      ps.setString(1, incidentId);
      List<TimelineEntry> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new TimelineEntry(
                  rs.getString("source"),
                  rs.getString("event_id"),
                  rs.getString("incident_id"),
                  rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                  TimelineKind.valueOf(rs.getString("kind")),
                  rs.getString("actor"),
                  rs.getString("summary"),
                  fromJson(rs.getString("details"))));
        }
      }
      return entries;
    }
  }

  private String toJson(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write timeline details as JSON", e);
    }
  }

  private Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, DETAILS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read timeline details: " + text, e);
    }
  }
}
