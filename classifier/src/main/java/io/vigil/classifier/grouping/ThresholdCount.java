package io.vigil.classifier.grouping;

import io.vigil.config.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts held back by a threshold ("open only when N alerts arrive within M"): the times of the
 * recent ones, at most N, those older than M before the newest forgotten.
 */
public final class ThresholdCount {

  public List<Long> times = new ArrayList<>();

  /** Counts an alert placed at {@code at}; returns how many fall within the threshold's time. */
  public int add(long at, Service.Threshold threshold) {
    times.add(at);
    long within = threshold.within().toMillis();
    times.removeIf(t -> t <= at - within);
    while (times.size() > threshold.count()) {
      times.remove(0);
    }
    return times.size();
  }

  /**
   * Whether nothing held here can still reach the threshold at wall-clock {@code now}: the newest
   * held alert is older than the threshold's time plus the grace for late alerts (the next alert
   * would start a new count anyway).
   */
  public boolean expired(long now, Service.Threshold threshold, long graceMillis) {
    return times.isEmpty()
        || times.get(times.size() - 1) + threshold.within().toMillis() + graceMillis <= now;
  }
}
