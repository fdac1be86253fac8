package io.vigil.notifier.schedule;

import io.vigil.notifier.page.ScheduledStep;

/**
 * Where the step scheduler hands due steps, without waiting for them to be sent: {@code onDone}
 * runs (on another thread) once the step's attempt is over, so the scheduler can forget it.
 */
public interface StepHandoff {

  /** Starts delivering {@code step}; must return at once. */
  void submit(ScheduledStep step, Runnable onDone);

  /** The incident was acknowledged, resolved or its escalation cancelled: send it no more steps. */
  void incidentClosed(String incidentId);
}
