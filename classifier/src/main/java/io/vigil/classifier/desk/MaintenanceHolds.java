package io.vigil.classifier.desk;

import io.vigil.classifier.grouping.ServiceWindow;
import io.vigil.classifier.maintenance.HeldAlert;
import io.vigil.classifier.maintenance.HeldAlertListener;
import io.vigil.config.Service;
import io.vigil.schemas.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An alert a maintenance window holds opens nothing but is kept: counted per (service, dedup key)
 * in the {@code maintenance-held} store with its times, severity and summary, its resolve noted,
 * and the listener (the {@code /prometheus} counter) told.
 */
final class MaintenanceHolds {

  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceHolds.class);

  private final DeskState state;
  private final HeldAlertListener listener;

  MaintenanceHolds(DeskState state, HeldAlertListener listener) {
    this.state = state;
    this.listener = listener;
  }

  /** Keeps a trigger {@code window} holds; {@code service} counts it too. */
  void hold(
      AlertEvent alert,
      Service service,
      ServiceWindow serviceWindow,
      Service.MaintenanceWindow window) {
    String key = DeskState.key(service.id(), alert.getDedupKey());
    HeldAlert h = state.held.get(key);
    h = h == null ? new HeldAlert(service.id(), alert.getDedupKey()) : h;
    h.trigger(
        alert.getOccurredAt().toEpochMilli(), alert.getSeverity(), alert.getSummary(), window);
    state.held.put(key, h);
    serviceWindow.suppressedInMaintenance++;
    state.services.put(service.id(), serviceWindow);
    listener.held(service.id());
    LOG.info(
        "alert {} on {} held by maintenance ({}): {} times for {}, {} for the service",
        alert.getEventId(),
        service.id(),
        window.reason(),
        h.count,
        alert.getDedupKey(),
        serviceWindow.suppressedInMaintenance);
  }

  /** Notes that a held alert resolved, unless the resolve is older than its last trigger. */
  void resolve(String alertKey, long occurredAt) {
    HeldAlert held = state.held.get(alertKey);
    if (held != null && held.resolve(occurredAt)) {
      state.held.put(alertKey, held);
    }
  }
}
