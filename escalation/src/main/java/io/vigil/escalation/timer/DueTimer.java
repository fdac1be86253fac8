package io.vigil.escalation.timer;

import java.time.Instant;
import java.util.Objects;

/**
 * One durable timer of an incident, stored under a key that sorts by due time: the due millis
 * zero-padded to 19 digits, then the incident id and the kind.
 */
public record DueTimer(String incidentId, TimerKind kind, long dueAtMillis) {

  public DueTimer {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(kind, "kind");
    if (dueAtMillis < 0) {
      throw new IllegalArgumentException("dueAtMillis must not be negative, got " + dueAtMillis);
    }
  }

  public static DueTimer of(String incidentId, TimerKind kind, Instant due) {
    return new DueTimer(incidentId, kind, due.toEpochMilli());
  }

  /** The timer store's key of this timer. */
  public String key() {
    return String.format("%019d/%s/%s", dueAtMillis, incidentId, kind);
  }

  /** The smallest key after every timer due at or before {@code millis}. */
  static String upperBound(long millis) {
    return String.format("%019d", millis + 1);
  }

  /** The smallest possible key. */
  static String lowerBound() {
    return String.format("%019d", 0);
  }
}
