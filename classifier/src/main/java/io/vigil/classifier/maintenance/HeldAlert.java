package io.vigil.classifier.maintenance;

import io.vigil.config.Service;
import io.vigil.schemas.Severity;

/**
 * One alert (service, dedup key) that a maintenance window kept from opening an incident: how many
 * times it triggered there, when first and last (its own time), its latest severity and summary,
 * whether it still fires, and the window that held it. Kept until the window has been over for the
 * closed-incident retention.
 */
public final class HeldAlert {

  /** The store of held alerts, keyed {@code serviceId/dedupKey}. */
  public static final String STORE = "maintenance-held";

  public String serviceId;
  public String dedupKey;
  public long count;
  public long firstSeen;
  public long lastSeen;
  public Severity severity;
  public String summary;
  public boolean firing;
  public String reason;
  public long windowStart;
  public long windowEnd;

  /** For the JSON serde. */
  public HeldAlert() {}

  public HeldAlert(String serviceId, String dedupKey) {
    this.serviceId = serviceId;
    this.dedupKey = dedupKey;
    this.firstSeen = Long.MAX_VALUE;
    this.lastSeen = Long.MIN_VALUE;
  }

  /** Counts one more trigger at {@code occurredAt}, held by {@code window}. */
  public void trigger(
      long occurredAt, Severity severity, String summary, Service.MaintenanceWindow window) {
    count++;
    firstSeen = Math.min(firstSeen, occurredAt);
    if (occurredAt >= lastSeen) {
      lastSeen = occurredAt;
      this.severity = severity;
      this.summary = summary;
      firing = true;
    }
    reason = window.reason();
    windowStart = window.start().toInstant().toEpochMilli();
    windowEnd = Math.max(windowEnd, window.end().toInstant().toEpochMilli());
  }

  /** Marks it resolved when the resolve is not older than its last trigger. */
  public boolean resolve(long occurredAt) {
    if (occurredAt < lastSeen || !firing) {
      return false;
    }
    firing = false;
    return true;
  }
}
