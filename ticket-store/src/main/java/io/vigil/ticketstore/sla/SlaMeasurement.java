package io.vigil.ticketstore.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * One fact from {@code vigil.sla.v1}: an incident's measured time to acknowledge or resolve, or the
 * breach of its target (then {@code millis} is the target).
 */
public record SlaMeasurement(
    String eventId,
    String serviceId,
    String incidentId,
    String priority,
    Metric metric,
    Kind kind,
    long millis,
    Instant at) {

  /** What was measured. */
  public enum Metric {
    TIME_TO_ACKNOWLEDGE,
    TIME_TO_RESOLVE
  }

  /** A measured time, or a missed target. */
  public enum Kind {
    RECORDED,
    BREACHED
  }

  public SlaMeasurement {
    requireText(eventId, "eventId");
    requireText(serviceId, "serviceId");
    requireText(incidentId, "incidentId");
    requireText(priority, "priority");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (millis < 0) {
      throw new IllegalArgumentException("millis must not be negative, got " + millis);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
