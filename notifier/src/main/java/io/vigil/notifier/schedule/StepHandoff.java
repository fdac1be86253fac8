package io.vigil.notifier.schedule;

import io.vigil.notifier.page.ScheduledStep;

/**
 * Where the step scheduler hands due steps, without waiting for them to be sent: the {@link
 * StepTicket} that comes with each step is how the engine reports back (from any thread) and how it
 * learns that the step's task moved to another instance.
 */
public interface StepHandoff {

  /** Starts delivering {@code step}; must return at once. */
  void submit(ScheduledStep step, StepTicket ticket);
}
