package io.vigil.classifier.desk;

import io.vigil.classifier.grouping.ThresholdCount;
import io.vigil.classifier.maintenance.HeldAlert;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Drops, on the wall clock, what can no longer matter: threshold counts whose newest alert is older
 * than the threshold's time plus the grace period (they can never reach it, whether or not their
 * key is seen again), counts of services that no longer have a threshold, and maintenance-held
 * alerts whose window has been over for the closed-incident retention.
 */
final class Housekeeping {

  private final DeskState state;

  Housekeeping(DeskState state) {
    this.state = state;
  }

  /** Deletes the threshold counts that cannot reach their threshold at {@code now}. */
  int sweepThresholds(VigilConfig document, long now) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, ThresholdCount> it = state.thresholds.all()) {
      while (it.hasNext()) {
        KeyValue<String, ThresholdCount> entry = it.next();
        String serviceId = entry.key.substring(0, Math.max(0, entry.key.indexOf('/')));
        Optional<Service.Grouping> grouping = document.service(serviceId).map(Service::grouping);
        if (grouping.isEmpty()
            || grouping.get().threshold() == null
            || entry.value.expired(
                now, grouping.get().threshold(), grouping.get().grace().toMillis())) {
          expired.add(entry.key);
        }
      }
    }
    expired.forEach(state.thresholds::delete);
    return expired.size();
  }

  /** Deletes held maintenance alerts whose window ended longer than the retention ago. */
  int sweepHeld(long now) {
    long retention = state.retention().toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, HeldAlert> it = state.held.all()) {
      it.forEachRemaining(
          entry -> {
            if (entry.value.windowEnd + retention <= now) {
              expired.add(entry.key);
            }
          });
    }
    expired.forEach(state.held::delete);
    return expired.size();
  }
}
