package io.vigil.notifier.page;

/**
 * The memory of attempts already made, so a redelivered escalation is not sent twice; {@link
 * #record} returns only once the result is durably stored.
 */
public interface DeliveryLog {

  /** Whether a result for the attempt with this id was already recorded. */
  boolean isRecorded(String attemptId);

  /** Stores the result of {@code attempt}, waiting for the store's acknowledgement. */
  void record(Attempt attempt, Delivery delivery);
}
