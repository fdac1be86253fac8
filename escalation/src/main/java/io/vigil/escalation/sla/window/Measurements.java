package io.vigil.escalation.sla.window;

import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.ResponseTimeRecorded;
import io.vigil.schemas.SlaBreached;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaMetric;
import java.util.Map;
import java.util.Optional;

/**
 * What the windowed SLA summaries count of the events this service publishes: a time to acknowledge
 * or to resolve, a breach, or a page (with how late it fired when a timer fired it), each as a
 * one-measurement {@link WindowSummary} keyed {@code serviceId/priority}; and the tick that closes
 * windows when nothing else happens, under a key of its own.
 */
public final class Measurements {

  /** The key every tick travels under (not a service's: services are keyed {@code id/P1}). */
  public static final String TICK_KEY = "~tick";

  private Measurements() {}

  /** A response time or a breach; nothing for a summary. */
  public static Optional<Map.Entry<String, WindowSummary>> of(SlaEvent event) {
    if (event.getEvent() instanceof ResponseTimeRecorded r) {
      WindowSummary one =
          r.getMetric() == SlaMetric.TIME_TO_ACKNOWLEDGE
              ? WindowSummary.acknowledged(r.getMillis())
              : WindowSummary.resolved(r.getMillis());
      return Optional.of(Map.entry(key(event.getServiceId(), r.getPriority().name()), one));
    }
    if (event.getEvent() instanceof SlaBreached b) {
      return Optional.of(
          Map.entry(key(event.getServiceId(), b.getPriority().name()), WindowSummary.breach()));
    }
    return Optional.empty();
  }

  /** A page, with fire time minus due time when a timer fired it; nothing for other events. */
  public static Optional<Map.Entry<String, WindowSummary>> of(EscalationEvent event) {
    if (!(event.getEvent() instanceof EscalationFired f)) {
      return Optional.empty();
    }
    Long lateness =
        f.getDueAt() == null
            ? null
            : Math.max(0, event.getOccurredAt().toEpochMilli() - f.getDueAt().toEpochMilli());
    return Optional.of(
        Map.entry(key(event.getServiceId(), f.getPriority().name()), WindowSummary.page(lateness)));
  }

  /** The key summaries are grouped by. */
  static String key(String serviceId, String priority) {
    return serviceId + "/" + priority;
  }

  /** The service of a {@code serviceId/priority} key. */
  static String serviceOf(String key) {
    return key.substring(0, key.lastIndexOf('/'));
  }

  /** The priority of a {@code serviceId/priority} key. */
  static String priorityOf(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
