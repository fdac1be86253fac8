package io.vigil.notifier.schedule;

/**
 * The link between a handed-over step and the task of the step scheduler that handed it over: the
 * engine records that it starts sending only while that task is still here (so an instance that
 * lost the task after a rebalance never starts a send the new owner cannot see), and reports when
 * the attempt is over or the user's next rule step should go at once.
 */
public interface StepTicket {

  /**
   * Runs {@code action} (recording the attempt under way) if the task is still owned here, and
   * keeps the task from closing until it returned.
   *
   * @return false, without running it, when the task was closed (moved to another instance)
   */
  boolean whileOwned(Runnable action);

  /**
   * When (System.nanoTime) the step's task came to this instance: whatever other instances recorded
   * for its steps was recorded before then, so the delivery log must know everything up to then.
   */
  long ownedSince();

  /** The step's attempt is over: the scheduler may forget the step. */
  void done();

  /**
   * The step's attempt failed or its outcome is unknown: hand over the user's next waiting rule
   * step of the same page now instead of at its due time.
   */
  void nextStepNow();
}
