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

  /** SQLSTATE of a unique-constraint violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final Argument<Map<String, Object>> DETAILS =
      Argument.mapOf(String.class, Object.class);

  private final JsonMapper json;

  public TimelineRepository(JsonMapper json) {
    this.json = json;
  }

  /**
   * Inserts the line unless its {@code (source, eventId)} is already recorded.
   *
   * @return whether the line is new; when it is not, the caller must roll back, because PostgreSQL
   *     aborts a transaction after a failed statement
   */
  public boolean insertIfNew(Connection c, TimelineEntry entry) throws SQLException {
    try (PreparedStatement check =
        c.prepareStatement("SELECT 1 FROM timeline_entries WHERE source = ? AND event_id = ?")) {
      check.setString(1, entry.source());
      check.setString(2, entry.eventId());
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO timeline_entries (source, event_id, incident_id, occurred_at, kind,"
                + " actor, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, entry.source());
      insert.setString(2, entry.eventId());
      insert.setString(3, entry.incidentId());
      insert.setObject(4, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
      insert.setString(5, entry.kind().name());
      insert.setString(6, entry.actor());
      insert.setString(7, entry.summary());
      insert.setString(8, toJson(entry.details()));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // a concurrent redelivery won the race
      }
      throw e;
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
