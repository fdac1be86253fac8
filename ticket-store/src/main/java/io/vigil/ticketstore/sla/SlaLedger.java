package io.vigil.ticketstore.sla;

import io.vigil.ticketstore.db.Database;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import io.vigil.ticketstore.timeline.TimelineRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies each SLA measurement exactly once (its event id is the key): the row the reports read
 * and, for a breach, a {@code SLA_BREACHED} line on the incident's timeline, in one transaction (a
 * whole poll of measurements in one).
 */
@Singleton
public class SlaLedger {

  static final String SOURCE = "sla";

  private final Database db;
  private final TimelineRepository timeline;

  public SlaLedger(Database db, TimelineRepository timeline) {
    this.db = db;
    this.timeline = timeline;
  }

  /** Whether the measurement was new. */
  public boolean apply(SlaMeasurement m) {
    return applyAll(List.of(m)) == 1;
  }

  /**
   * Applies the measurements in their order in one transaction, skipping those recorded before.
   *
   * @return how many were new
   */
  public int applyAll(List<SlaMeasurement> measurements) {
    if (measurements.isEmpty()) {
      return 0;
    }
    SlaMeasurement first = measurements.get(0);
    return db.transaction(
        "apply "
            + (measurements.size() == 1 ? "" : measurements.size() + " SLA events, the first ")
            + "SLA event "
            + first.eventId()
            + " of incident "
            + first.incidentId(),
        c -> {
          int applied = 0;
          for (SlaMeasurement m : measurements) {
            if (insert(c, m)) {
              applied++;
            }
          }
          return applied;
        });
  }

  private boolean insert(Connection c, SlaMeasurement m) throws SQLException {
    if (Database.update(
            c,
            "INSERT INTO sla_events (event_id, service_id, incident_id, priority, metric, kind,"
                + " millis, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            m.eventId(),
            m.serviceId(),
            m.incidentId(),
            m.priority(),
            m.metric().name(),
            m.kind().name(),
            m.millis(),
            m.at())
        == 0) {
      return false;
    }
    if (m.kind() == SlaMeasurement.Kind.BREACHED) {
      timeline.insertIfNew(
          c,
          new TimelineEntry(
              SOURCE,
              m.eventId(),
              m.incidentId(),
              m.at(),
              TimelineKind.SLA_BREACHED,
              "escalation",
              describe(m),
              Map.of(
                  "metric", m.metric().name(),
                  "priority", m.priority(),
                  "targetMillis", m.millis())));
    }
    return true;
  }

  private static String describe(SlaMeasurement m) {
    String what =
        m.metric() == SlaMeasurement.Metric.TIME_TO_ACKNOWLEDGE ? "acknowledge" : "resolve";
    return m.priority()
        + " target to "
        + what
        + " ("
        + Duration.ofMillis(m.millis()).toString().substring(2).toLowerCase(Locale.ROOT)
        + ") breached";
  }
}
