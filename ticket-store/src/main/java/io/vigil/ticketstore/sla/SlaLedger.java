package io.vigil.ticketstore.sla;

import io.vigil.ticketstore.db.Database;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import io.vigil.ticketstore.timeline.TimelineRepository;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Applies each SLA measurement exactly once (its event id is the key): the row the reports read
 * and, for a breach, a {@code SLA_BREACHED} line on the incident's timeline, in one transaction.
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
    return db.transaction(
        "apply SLA event " + m.eventId() + " of incident " + m.incidentId(),
        c -> {
          if (!Database.query(
                  c, "SELECT 1 FROM sla_events WHERE event_id = ?", rs -> 1, m.eventId())
              .isEmpty()) {
            return false;
          }
          Database.update(
              c,
              "INSERT INTO sla_events (event_id, service_id, incident_id, priority, metric, kind,"
                  + " millis, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              m.eventId(),
              m.serviceId(),
              m.incidentId(),
              m.priority(),
              m.metric().name(),
              m.kind().name(),
              m.millis(),
              m.at());
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
        });
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
