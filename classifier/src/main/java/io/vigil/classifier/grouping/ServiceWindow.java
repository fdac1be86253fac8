package io.vigil.classifier.grouping;

import io.vigil.config.Service;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One service's view of time and storms: its stream time (the newest alert time seen), the storm
 * window it is in with the distinct alerts seen there, the open storm incident, and how many alerts
 * maintenance windows kept from opening incidents.
 */
public final class ServiceWindow {

  public long streamTime = Long.MIN_VALUE;
  public long stormWindowStart = Long.MIN_VALUE;
  public Set<String> stormDistinct = new LinkedHashSet<>();
  public String stormIncidentId;
  public long suppressedInMaintenance;

  /**
   * Moves stream time on and returns the time windows place the alert at: its own time, or, when it
   * is later than {@code grace} behind stream time, that bound (a closed window is never reopened).
   */
  public long place(long occurredAt, long graceMillis) {
    streamTime = Math.max(streamTime, occurredAt);
    return Math.max(occurredAt, streamTime - graceMillis);
  }

  /**
   * Counts the alert's dedup key in the storm window holding {@code at} (windows are aligned to the
   * epoch) and tells whether the service is past the storm's distinct-alert limit there. Keys are
   * remembered only up to one past the limit: beyond it the answer is yes whatever the key, so the
   * window's state stays small however many distinct alerts the storm brings.
   */
  public boolean stormy(String dedupKey, long at, Service.Storm storm) {
    if (storm == null) {
      return false;
    }
    long within = storm.within().toMillis();
    long start = at - Math.floorMod(at, within);
    if (start > stormWindowStart) {
      stormWindowStart = start;
      stormDistinct.clear();
    }
    if (stormDistinct.size() > storm.distinctAlerts()) {
      return true;
    }
    stormDistinct.add(dedupKey);
    return stormDistinct.size() > storm.distinctAlerts();
  }
}
