package io.vigil.classifier.incident;

import io.vigil.classifier.classify.Classification;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.AlertResolved;
import io.vigil.schemas.CommandRejected;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentFlapping;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.Link;
import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the Avro incident events the rules publish; the rules themselves stay free of Avro. */
public final class IncidentEvents {

  private IncidentEvents() {}

  /** Wraps a payload into an event of that incident. */
  public static IncidentEvent event(
      String eventId, String incidentId, String serviceId, Instant at, Object payload) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(serviceId)
        .setOccurredAt(at)
        .setEvent(payload)
        .build();
  }

  /** The opening of {@code incident}, classified as {@code c}. */
  public static IncidentEvent opened(
      IncidentState incident,
      String title,
      Classification c,
      String policy,
      String alertEventId,
      Instant firstSeen,
      Map<String, String> labels,
      List<Link> links,
      Instant at) {
    IncidentOpened opened =
        IncidentOpened.newBuilder()
            .setDedupKey(incident.dedupKey)
            .setTitle(title)
            .setSeverity(incident.severity)
            .setPriority(c.priority())
            .setIncidentClass(c.incidentClass())
            .setUrgency(c.urgency())
            .setEscalationPolicyId(policy)
            .setAlertEventId(alertEventId)
            .setFirstSeen(firstSeen)
            .setLabels(labels)
            .setLinks(links)
            .build();
    return event(IncidentIds.opened(incident.id), incident.id, incident.serviceId, at, opened);
  }

  public static IncidentEvent grouped(
      IncidentState incident,
      String dedupKey,
      String alertEventId,
      Instant lastSeen,
      String summary,
      Instant at) {
    AlertGrouped grouped =
        AlertGrouped.newBuilder()
            .setDedupKey(dedupKey)
            .setAlertEventId(alertEventId)
            .setAlertCount(incident.alertCount)
            .setLastSeen(lastSeen)
            .setSummary(summary)
            .build();
    return event(
        IncidentIds.grouped(incident.id, incident.alertCount),
        incident.id,
        incident.serviceId,
        at,
        grouped);
  }

  public static IncidentEvent reclassified(
      IncidentState incident, String causeId, String reason, Instant at) {
    IncidentReclassified r =
        IncidentReclassified.newBuilder()
            .setSeverity(incident.severity)
            .setPriority(incident.priority)
            .setIncidentClass(incident.incidentClass)
            .setUrgency(incident.urgency)
            .setReason(reason)
            .build();
    return event(
        IncidentIds.reclassified(incident.id, causeId), incident.id, incident.serviceId, at, r);
  }

  public static IncidentEvent alertResolved(
      IncidentState incident, String dedupKey, String alertEventId, Instant at) {
    AlertResolved r =
        AlertResolved.newBuilder()
            .setDedupKey(dedupKey)
            .setAlertEventId(alertEventId)
            .setOpenAlerts(incident.firingAlerts)
            .build();
    return event(
        IncidentIds.alertResolved(incident.id, alertEventId),
        incident.id,
        incident.serviceId,
        at,
        r);
  }

  public static IncidentEvent reopened(
      IncidentState incident, String alertEventId, String reason, Instant at) {
    return event(
        IncidentIds.reopened(incident.id, alertEventId),
        incident.id,
        incident.serviceId,
        at,
        IncidentReopened.newBuilder().setReason(reason).build());
  }

  public static IncidentEvent flapping(
      IncidentState incident, int flapCount, String alertEventId, Instant at) {
    return event(
        IncidentIds.flapping(incident.id),
        incident.id,
        incident.serviceId,
        at,
        IncidentFlapping.newBuilder()
            .setFlapCount(flapCount)
            .setAlertEventId(alertEventId)
            .build());
  }

  public static IncidentEvent rejected(
      String incidentId,
      String serviceId,
      String commandId,
      String action,
      String actor,
      String reason,
      Instant at) {
    return event(
        IncidentIds.rejected(incidentId, commandId),
        incidentId,
        serviceId,
        at,
        CommandRejected.newBuilder()
            .setCommandId(commandId)
            .setAction(action)
            .setActor(actor)
            .setReason(reason)
            .build());
  }

  /** The lower-case name users see: {@code critical}, {@code warning}. */
  public static String name(Severity severity) {
    return severity.name().toLowerCase(java.util.Locale.ROOT);
  }
}
