package io.vigil.escalation.timer;

import io.vigil.escalation.policy.Step;
import java.util.Objects;

/**
 * An incident's escalation waiting on its timer: the level last paged, when the next step is due,
 * and what every page of the incident repeats (title, priority, urgency).
 */
public record PendingStep(
    String incidentId,
    String serviceId,
    String policyId,
    int level,
    int round,
    long dueAtMillis,
    String title,
    String priority,
    String urgency) {

  public PendingStep {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(policyId, "policyId");
    new Step(level, round); // validates level and round
    if (dueAtMillis < 0) {
      throw new IllegalArgumentException("dueAtMillis must not be negative, got " + dueAtMillis);
    }
  }

  /** The step last paged. */
  public Step step() {
    return new Step(level, round);
  }

  /** The same incident's escalation after paging {@code step}, next due at {@code dueAt}. */
  public PendingStep at(Step step, java.time.Instant dueAt) {
    return new PendingStep(
        incidentId,
        serviceId,
        policyId,
        step.level(),
        step.round(),
        dueAt.toEpochMilli(),
        title,
        priority,
        urgency);
  }

  /** This store's key: due time zero-padded to 19 digits, then the incident id, so keys sort. */
  public String dueKey() {
    return dueKey(dueAtMillis, incidentId);
  }

  static String dueKey(long dueAtMillis, String incidentId) {
    return String.format("%019d/%s", dueAtMillis, incidentId);
  }

  /** The smallest key after every entry due at or before {@code millis}. */
  static String dueKeyUpperBound(long millis) {
    return String.format("%019d", millis + 1);
  }
}
