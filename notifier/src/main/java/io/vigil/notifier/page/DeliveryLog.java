package io.vigil.notifier.page;

import java.util.Optional;

/**
 * The durable memory of attempts by their deterministic id, so a restart, rebalance or replay never
 * sends an attempt twice; {@link #record} returns only once the state is durably stored, and a
 * state recorded here is known here at once.
 */
public interface DeliveryLog {

  /**
   * The latest recorded state of the attempt with this id, if any was recorded, knowing at least
   * every state recorded anywhere (by any instance) before {@code instant} (System.nanoTime).
   */
  Optional<Delivery> state(String attemptId, long instant);

  /** Stores {@code delivery} as the latest state of {@code attempt}, waiting for the store. */
  void record(Attempt attempt, Delivery delivery);
}
