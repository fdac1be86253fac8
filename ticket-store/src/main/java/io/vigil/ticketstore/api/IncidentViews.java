package io.vigil.ticketstore.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.ticketstore.change.ServiceChange;
import io.vigil.ticketstore.sla.SlaReports;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of {@code /api/v1/incidents}: what a client sees, mapped from the tickets. */
final class IncidentViews {

  private IncidentViews() {}

  /** {@code GET /api/v1/incidents}. */
  @Serdeable
  record IncidentList(List<IncidentSummary> incidents, int count, int limit, String nextCursor) {}

  /** One incident in a listing. */
  @Serdeable
  record IncidentSummary(
      String id,
      String serviceId,
      String title,
      String status,
      String priority,
      @JsonProperty("class") String incidentClass,
      String urgency,
      long alertCount,
      Instant firstSeen,
      Instant lastSeen) {

    static IncidentSummary of(Ticket t) {
      return new IncidentSummary(
          t.incidentId(),
          t.serviceId(),
          t.title(),
          t.status().name(),
          t.priority(),
          t.incidentClass(),
          t.urgency(),
          t.alertCount(),
          t.firstSeen(),
          t.lastSeen());
    }
  }

  /**
   * {@code GET /api/v1/incidents/{id}}: the ticket, its whole timeline, its SLA and the service's
   * changes in the 24 hours before detection.
   */
  @Serdeable
  record IncidentDetail(
      String id,
      String serviceId,
      String dedupKey,
      String title,
      String severity,
      String status,
      String priority,
      @JsonProperty("class") String incidentClass,
      String urgency,
      long alertCount,
      Instant firstSeen,
      Instant lastSeen,
      Instant acknowledgedAt,
      Instant resolvedAt,
      String escalationPolicyId,
      Instant updatedAt,
      List<TimelineItem> timeline,
      SlaReports.IncidentSla sla,
      List<ServiceChange> recentChanges) {

    static IncidentDetail of(
        Ticket t,
        List<TimelineEntry> timeline,
        SlaReports.IncidentSla sla,
        List<ServiceChange> recentChanges) {
      return new IncidentDetail(
          t.incidentId(),
          t.serviceId(),
          t.dedupKey(),
          t.title(),
          t.severity(),
          t.status().name(),
          t.priority(),
          t.incidentClass(),
          t.urgency(),
          t.alertCount(),
          t.firstSeen(),
          t.lastSeen(),
          t.acknowledgedAt(),
          t.resolvedAt(),
          t.escalationPolicyId(),
          t.updatedAt(),
          timeline.stream().map(TimelineItem::of).toList(),
          sla,
          recentChanges);
    }
  }

  /** One line of a timeline. */
  @Serdeable
  record TimelineItem(Instant at, String kind, String actor, String summary) {

    static TimelineItem of(TimelineEntry e) {
      return new TimelineItem(e.at(), e.kind().name(), e.actor(), e.summary());
    }
  }
}
