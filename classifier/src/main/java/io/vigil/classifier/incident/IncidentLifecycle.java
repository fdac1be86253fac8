package io.vigil.classifier.incident;

import io.vigil.classifier.classify.Classification;
import io.vigil.classifier.classify.Classifier;
import io.vigil.config.Service;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentResolved;
import java.util.Objects;

/**
 * One open incident per (service, dedup key): the first trigger opens it, repeats group into it, an
 * acknowledge acknowledges it once, and a resolve closes it so the next trigger opens a new one.
 */
public final class IncidentLifecycle {

  /** Who acknowledges or resolves when the monitoring integration does. */
  public static final String INTEGRATION_ACTOR = "integration";

  private final Classifier classifier;

  public IncidentLifecycle(Classifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  /**
   * What an alert does to the (service, dedup key)'s open incident.
   *
   * @param open the open incident, or null when there is none
   * @param alert the alert, for a known {@code service}
   */
  public Transition apply(OpenIncident open, AlertEvent alert, Service service) {
    return switch (alert.getAction()) {
      case TRIGGER -> open == null ? open(alert, service) : group(open, alert);
      case ACKNOWLEDGE ->
          open == null || open.acknowledged()
              ? Transition.ignored(open, ignoredReason(open, "acknowledge"))
              : acknowledge(open, alert);
      case RESOLVE ->
          open == null
              ? Transition.ignored(null, "resolve with no open incident")
              : resolve(open, alert);
      // Heartbeats arrive with the heartbeat issue; actions newer than this build are kept
      // out of the lifecycle rather than guessed at.
      case HEARTBEAT, UNKNOWN ->
          Transition.ignored(open, alert.getAction() + " is not handled by this classifier");
    };
  }

  private static String ignoredReason(OpenIncident open, String action) {
    return open == null
        ? action + " with no open incident"
        : action + " of incident " + open.incidentId() + " already acknowledged";
  }

  private Transition open(AlertEvent alert, Service service) {
    String id = IncidentIds.incidentId(alert.getEventId());
    Classification c =
        classifier.classify(alert.getSeverity(), service.id(), service.tier(), alert.getLabels());
    IncidentOpened opened =
        IncidentOpened.newBuilder()
            .setDedupKey(alert.getDedupKey())
            .setTitle(alert.getSummary())
            .setSeverity(alert.getSeverity())
            .setPriority(c.priority())
            .setIncidentClass(c.incidentClass())
            .setUrgency(c.urgency())
            .setEscalationPolicyId(service.escalationPolicy())
            .setAlertEventId(alert.getEventId())
            .setFirstSeen(alert.getOccurredAt())
            .setLabels(alert.getLabels())
            .setLinks(alert.getLinks())
            .build();
    return new Transition(
        new OpenIncident(id, 1, false), event(IncidentIds.opened(id), id, alert, opened), null);
  }

  private static Transition group(OpenIncident open, AlertEvent alert) {
    OpenIncident next = open.grouped();
    AlertGrouped grouped =
        AlertGrouped.newBuilder()
            .setDedupKey(alert.getDedupKey())
            .setAlertEventId(alert.getEventId())
            .setAlertCount(next.alertCount())
            .setLastSeen(alert.getOccurredAt())
            .setSummary(alert.getSummary())
            .build();
    String id = open.incidentId();
    return new Transition(
        next, event(IncidentIds.grouped(id, next.alertCount()), id, alert, grouped), null);
  }

  private static Transition acknowledge(OpenIncident open, AlertEvent alert) {
    String id = open.incidentId();
    IncidentAcknowledged ack =
        IncidentAcknowledged.newBuilder().setActor(INTEGRATION_ACTOR).build();
    return new Transition(
        open.acknowledge(), event(IncidentIds.acknowledged(id), id, alert, ack), null);
  }

  private static Transition resolve(OpenIncident open, AlertEvent alert) {
    String id = open.incidentId();
    IncidentResolved resolved = IncidentResolved.newBuilder().setActor(INTEGRATION_ACTOR).build();
    return new Transition(null, event(IncidentIds.resolved(id), id, alert, resolved), null);
  }

  private static IncidentEvent event(
      String eventId, String incidentId, AlertEvent alert, Object payload) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(alert.getServiceId())
        .setOccurredAt(alert.getReceivedAt())
        .setEvent(payload)
        .build();
  }

  /**
   * The result of one alert: the open incident afterwards (null when the key is free), and the
   * event to publish, or null with the reason it was ignored.
   */
  public record Transition(OpenIncident next, IncidentEvent event, String ignoredBecause) {

    static Transition ignored(OpenIncident unchanged, String reason) {
      return new Transition(unchanged, null, reason);
    }

    public boolean ignored() {
      return event == null;
    }
  }
}
