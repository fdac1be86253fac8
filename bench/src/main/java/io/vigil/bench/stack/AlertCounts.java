package io.vigil.bench.stack;

import java.util.HashMap;
import java.util.Map;

/**
 * The alerts counted into incidents, from their events: each incident's highest count (1 when it
 * opened, then the count each {@code AlertGrouped} carries; one event may cover many repeats, and a
 * count read again changes nothing). Read by one thread.
 */
final class AlertCounts {

  private final Map<String, Long> byIncident = new HashMap<>();
  private long total;

  /** The incident holds {@code alertCount} alerts, as one of its events says. */
  void count(String incidentId, long alertCount) {
    long before = byIncident.getOrDefault(incidentId, 0L);
    if (alertCount > before) {
      byIncident.put(incidentId, alertCount);
      total += alertCount - before;
    }
  }

  /** Alerts counted into all incidents so far. */
  long total() {
    return total;
  }
}
