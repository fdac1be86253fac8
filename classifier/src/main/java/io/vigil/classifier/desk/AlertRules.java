package io.vigil.classifier.desk;

import io.vigil.classifier.classify.Classifier;
import io.vigil.classifier.grouping.GroupWindow;
import io.vigil.classifier.grouping.ServiceWindow;
import io.vigil.classifier.grouping.ThresholdCount;
import io.vigil.classifier.incident.AlertState;
import io.vigil.classifier.incident.IncidentEvents;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.classifier.incident.IncidentKind;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.classifier.incident.IncidentStatus;
import io.vigil.classifier.maintenance.HeldAlertListener;
import io.vigil.classifier.maintenance.Maintenance;
import io.vigil.config.Service;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentResolved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an alert does, in this order: a repeat joins its key's open incident (counted at once,
 * published with the incident's next event or one count interval later, as are alerts joining a
 * storm incident; a new alert of a group is published at once); a re-trigger that flaps reopens the
 * last incident; an alert of a label group joins the group's incident within its window; in a
 * maintenance window it opens nothing but is kept, counted per (service, dedup key); past a storm's
 * distinct-alert limit it joins the storm incident; below a threshold it is held; otherwise it
 * opens an incident.
 */
final class AlertRules {

  /** Who acknowledges or resolves when the monitoring integration does. */
  static final String INTEGRATION_ACTOR = "integration";

  private static final Logger LOG = LoggerFactory.getLogger(AlertRules.class);

  private final DeskState state;
  private final Incidents incidents;
  private final MaintenanceHolds holds;

  AlertRules(DeskState state, HeldAlertListener heldAlerts) {
    this.state = state;
    this.incidents = new Incidents(state);
    this.holds = new MaintenanceHolds(state, heldAlerts);
  }

  /** The events of {@code alert} for {@code service}, classified by {@code rules}. */
  List<IncidentEvent> apply(AlertEvent alert, Service service, Classifier rules, long now) {
    List<IncidentEvent> out = new ArrayList<>();
    switch (alert.getAction()) {
      case TRIGGER -> trigger(alert, service, rules, now, out);
      case ACKNOWLEDGE -> acknowledge(alert, out);
      case RESOLVE -> resolve(alert, service, now, out);
      default ->
          LOG.debug("alert {}: {} is not handled here", alert.getEventId(), alert.getAction());
    }
    return out;
  }

  private void trigger(
      AlertEvent alert, Service service, Classifier rules, long now, List<IncidentEvent> out) {
    Service.Grouping grouping = service.grouping();
    String alertKey = DeskState.key(service.id(), alert.getDedupKey());
    long occurred = alert.getOccurredAt().toEpochMilli();
    ServiceWindow window = state.service(service.id());
    long at = window.place(occurred, grouping.grace().toMillis());
    boolean stormy = window.stormy(alert.getDedupKey(), at, grouping.storm());
    state.services.put(service.id(), window);

    AlertState a = state.alerts.get(alertKey);
    if (a != null && !a.firing && occurred < a.lastResolveAt) {
      LOG.debug("alert {}: trigger older than the resolve already applied, ignored", alertKey);
      return;
    }
    IncidentState current = a == null ? null : state.incident(a.incidentId);
    if (current != null && current.status.open()) {
      join(current, a, alert, service, rules, now, out);
      return;
    }
    if (a != null && grouping.flap() != null && current != null) {
      int transitions = a.transition(at, grouping.flap().within().toMillis());
      if (transitions >= grouping.flap().transitions()
          && current.status == IncidentStatus.RESOLVED) {
        reopenFlapping(current, a, alert, service, rules, transitions, now, out);
        return;
      }
    }
    Optional<String> groupKey = GroupWindow.groupKey(grouping, alert.getLabels());
    if (groupKey.isPresent()) {
      GroupWindow group = state.groups.get(DeskState.key(service.id(), groupKey.get()));
      IncidentState grouped = group == null ? null : state.incident(group.incidentId);
      if (grouped != null && grouped.status.open() && group.covers(at, grouping)) {
        join(grouped, a, alert, service, rules, now, out);
        return;
      }
    }
    Optional<Service.MaintenanceWindow> maintenance =
        Maintenance.activeAt(service, alert.getOccurredAt());
    if (maintenance.isPresent()) {
      holds.hold(alert, service, window, maintenance.get());
      return;
    }
    if (stormy) {
      IncidentState storm = state.incident(window.stormIncidentId);
      if (storm != null && storm.status.open()) {
        join(storm, a, alert, service, rules, now, out);
      } else {
        storm = openStorm(alert, service, rules, a, out);
        window.stormIncidentId = storm.id;
        state.services.put(service.id(), window);
      }
      return;
    }
    long count = 1;
    if (grouping.threshold() != null) {
      String unit =
          DeskState.key(
              service.id(), groupKey.map(k -> "group:" + k).orElse("alert:" + alert.getDedupKey()));
      ThresholdCount held = state.thresholds.get(unit);
      held = held == null ? new ThresholdCount() : held;
      count = held.add(at, grouping.threshold());
      if (count < grouping.threshold().count()) {
        state.thresholds.put(unit, held);
        LOG.debug(
            "alert {} held: {} of {} towards the threshold",
            alertKey,
            count,
            grouping.threshold().count());
        return;
      }
      state.thresholds.delete(unit);
    }
    IncidentKind kind = groupKey.isPresent() ? IncidentKind.GROUP : IncidentKind.ALERT;
    IncidentState opened =
        incidents.open(
            alert, service, rules, kind, alert.getDedupKey(), alert.getSummary(), count, a, out);
    if (groupKey.isPresent()) {
      opened.groupKey = groupKey.get();
      opened.windowStart = at;
      state.save(opened);
      state.groups.put(DeskState.key(service.id(), groupKey.get()), new GroupWindow(opened.id, at));
    }
  }

  private IncidentState openStorm(
      AlertEvent alert, Service service, Classifier rules, AlertState a, List<IncidentEvent> out) {
    Service.Storm storm = service.grouping().storm();
    String title =
        "Alert storm on "
            + service.id()
            + ": more than "
            + storm.distinctAlerts()
            + " distinct alerts within "
            + io.vigil.config.Durations.format(storm.within());
    return incidents.open(
        alert, service, rules, IncidentKind.STORM, "storm/" + service.id(), title, 1, a, out);
  }

  private void join(
      IncidentState incident,
      AlertState a,
      AlertEvent alert,
      Service service,
      Classifier rules,
      long now,
      List<IncidentEvent> out) {
    // A repeat of an alert firing here at the same severity tells nothing new but the count.
    boolean repeat =
        a != null
            && incident.id.equals(a.incidentId)
            && a.firing
            && a.severity == alert.getSeverity();
    incident.alertCount++;
    incidents.track(incident, a, alert);
    if (repeat || incident.kind == IncidentKind.STORM) {
      state.holdCount(incident, alert, incidents.summary(incident, alert), now);
    } else {
      state.countPublished(incident);
      out.add(incidents.grouped(incident, alert));
    }
    incidents.reclassifyIfChanged(incident, alert, service, rules, out);
    state.save(incident);
  }

  private void reopenFlapping(
      IncidentState incident,
      AlertState a,
      AlertEvent alert,
      Service service,
      Classifier rules,
      int transitions,
      long now,
      List<IncidentEvent> out) {
    Service.Flap flap = service.grouping().flap();
    incident.status = IncidentStatus.TRIGGERED;
    incident.closedAt = null;
    Instant at = alert.getReceivedAt();
    out.add(
        IncidentEvents.reopened(
            incident,
            alert.getEventId(),
            "flapping: "
                + transitions
                + " resolve/trigger transitions within "
                + io.vigil.config.Durations.format(flap.within()),
            at));
    if (!incident.flapping) {
      incident.flapping = true;
      out.add(IncidentEvents.flapping(incident, transitions, alert.getEventId(), at));
    }
    join(incident, a, alert, service, rules, now, out);
  }

  private void acknowledge(AlertEvent alert, List<IncidentEvent> out) {
    AlertState a = state.alerts.get(DeskState.key(alert.getServiceId(), alert.getDedupKey()));
    IncidentState incident = a == null ? null : state.incident(a.incidentId);
    if (incident == null
        || incident.statusAt(alert.getReceivedAt().toEpochMilli()) != IncidentStatus.TRIGGERED) {
      LOG.debug("alert {}: acknowledge of no triggered incident, ignored", alert.getEventId());
      return;
    }
    out.add(
        IncidentEvents.event(
            IncidentIds.acknowledged(incident.id, incident.acknowledgements),
            incident.id,
            incident.serviceId,
            alert.getReceivedAt(),
            IncidentAcknowledged.newBuilder().setActor(INTEGRATION_ACTOR).build()));
    incident.acknowledgements++;
    incident.status = IncidentStatus.ACKNOWLEDGED;
    incident.snoozedUntil = null;
    state.save(incident);
  }

  private void resolve(AlertEvent alert, Service service, long now, List<IncidentEvent> out) {
    String alertKey = DeskState.key(service.id(), alert.getDedupKey());
    long occurred = alert.getOccurredAt().toEpochMilli();
    holds.resolve(alertKey, occurred);
    AlertState a = state.alerts.get(alertKey);
    if (a == null || occurred < a.lastTriggerAt) {
      LOG.debug("alert {}: resolve of nothing firing, or older than its trigger", alertKey);
      return;
    }
    boolean wasFiring = a.firing;
    a.firing = false;
    a.lastResolveAt = Math.max(a.lastResolveAt, occurred);
    ServiceWindow window = state.service(service.id());
    long at = window.place(occurred, service.grouping().grace().toMillis());
    state.services.put(service.id(), window);
    if (wasFiring && service.grouping().flap() != null) {
      a.transition(at, service.grouping().flap().within().toMillis());
    }
    state.alerts.put(alertKey, a);
    IncidentState incident = state.incident(a.incidentId);
    if (!wasFiring || incident == null || !incident.status.open()) {
      return;
    }
    incident.quiet(a.severity);
    boolean lastAlert = incident.firingAlerts == 0;
    if (lastAlert
        && !incident.flapping
        && (service.autoResolve() || incident.distinctAlerts == 1)) {
      out.add(
          IncidentEvents.event(
              IncidentIds.resolved(incident.id, incident.resolutions),
              incident.id,
              incident.serviceId,
              alert.getReceivedAt(),
              IncidentResolved.newBuilder().setActor(INTEGRATION_ACTOR).build()));
      incident.resolutions++;
      state.close(incident, IncidentStatus.RESOLVED, now);
    } else {
      out.add(
          IncidentEvents.alertResolved(
              incident, alert.getDedupKey(), alert.getEventId(), alert.getReceivedAt()));
      state.save(incident);
    }
  }
}
