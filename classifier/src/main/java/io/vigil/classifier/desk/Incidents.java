package io.vigil.classifier.desk;

import io.vigil.classifier.classify.Classification;
import io.vigil.classifier.classify.Classifier;
import io.vigil.classifier.incident.AlertState;
import io.vigil.classifier.incident.IncidentEvents;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.classifier.incident.IncidentKind;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.config.Service;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Opens incidents (classified by the rules, id derived from the opening alert), points alerts at
 * them, and re-classifies an open incident when the severity of its firing alerts changes.
 */
final class Incidents {

  private final DeskState state;

  Incidents(DeskState state) {
    this.state = state;
  }

  /** Opens an incident holding {@code count} alerts, the opening one being {@code alert}. */
  IncidentState open(
      AlertEvent alert,
      Service service,
      Classifier rules,
      IncidentKind kind,
      String dedupKey,
      String title,
      long count,
      AlertState a,
      List<IncidentEvent> out) {
    String id = IncidentIds.incidentId(alert.getEventId());
    IncidentState incident = new IncidentState(id, service.id(), kind, dedupKey);
    incident.severity = alert.getSeverity();
    incident.labels = new LinkedHashMap<>(alert.getLabels());
    Classification c = classify(incident, service, rules);
    incident.alertCount = count;
    track(incident, a, alert);
    out.add(
        IncidentEvents.opened(
            incident,
            title,
            c,
            service.escalationPolicy(),
            alert.getEventId(),
            alert.getOccurredAt(),
            alert.getLabels(),
            alert.getLinks(),
            alert.getReceivedAt()));
    if (count > 1) {
      out.add(grouped(incident, alert));
    }
    state.save(incident);
    return incident;
  }

  /**
   * Points the alert's key at the incident, firing at the alert's severity, and counts it among the
   * incident's alerts (once) and firing ones.
   */
  void track(IncidentState incident, AlertState a, AlertEvent alert) {
    AlertState tracked = a == null ? new AlertState() : a;
    if (incident.id.equals(tracked.incidentId) && tracked.firing) {
      incident.quiet(tracked.severity); // fires again, maybe at another severity
    }
    if (!incident.id.equals(tracked.incidentId)) { // an alert of this incident is indexed already
      state.addMember(incident, alert.getDedupKey());
    }
    incident.fire(alert.getSeverity());
    tracked.incidentId = incident.id;
    tracked.firing = true;
    tracked.severity = alert.getSeverity();
    tracked.lastTriggerAt = Math.max(tracked.lastTriggerAt, alert.getOccurredAt().toEpochMilli());
    state.alerts.put(DeskState.key(incident.serviceId, alert.getDedupKey()), tracked);
  }

  /** The {@code AlertGrouped} of {@code alert} joining the incident, with its current count. */
  IncidentEvent grouped(IncidentState incident, AlertEvent alert) {
    return IncidentEvents.grouped(
        incident,
        alert.getDedupKey(),
        alert.getEventId(),
        alert.getOccurredAt(),
        summary(incident, alert),
        alert.getReceivedAt());
  }

  /** What a grouped alert says on the timeline; a storm states its size. */
  String summary(IncidentState incident, AlertEvent alert) {
    if (incident.kind == IncidentKind.STORM) {
      return String.format(
          Locale.ROOT,
          "Alert storm on %s: %,d alerts, %,d distinct",
          incident.serviceId,
          incident.alertCount,
          incident.distinctAlerts);
    }
    return alert.getSummary();
  }

  /** Emits {@code IncidentReclassified} when the most severe firing alert's severity changed. */
  void reclassifyIfChanged(
      IncidentState incident,
      AlertEvent alert,
      Service service,
      Classifier rules,
      List<IncidentEvent> out) {
    Severity now = incident.currentSeverity();
    if (now == incident.severity) {
      return;
    }
    Severity before = incident.severity;
    incident.severity = now;
    classify(incident, service, rules);
    out.add(
        IncidentEvents.reclassified(
            incident,
            alert.getEventId(),
            "severity changed from "
                + IncidentEvents.name(before)
                + " to "
                + IncidentEvents.name(now)
                + " (alert "
                + alert.getDedupKey()
                + ")",
            alert.getReceivedAt()));
  }

  private static Classification classify(
      IncidentState incident, Service service, Classifier rules) {
    Classification c =
        rules.classify(incident.severity, service.id(), service.tier(), incident.labels);
    incident.priority = c.priority();
    incident.incidentClass = c.incidentClass();
    incident.urgency = c.urgency();
    return c;
  }
}
