package io.vigil.escalation.timer;

import io.vigil.config.EscalationPolicy;
import io.vigil.escalation.policy.Escalator;
import io.vigil.escalation.policy.Reason;
import io.vigil.escalation.policy.Step;
import io.vigil.escalation.timer.IncidentState.Paging;
import io.vigil.escalation.timer.IncidentState.Status;
import java.time.Instant;

/**
 * How one paging move is carried out against the incident's state: publish the levels skipped and
 * the level paged (with its due time when a timer fired it), wait for the next step on a durable
 * timer, and cancel or silently drop the pending timer; one paging timer at a time per incident.
 */
final class Pager {

  private Pager() {}

  /**
   * Pages {@code step} of {@code policy} (skipping levels with nobody) for {@code reason}; {@code
   * dueAt} is when a timer made it due, null when it is paged at once in answer to an event.
   */
  static IncidentState page(
      IncidentState state,
      Escalator escalator,
      EscalationPolicy policy,
      Step step,
      Reason reason,
      Instant dueAt,
      Instant now,
      Effects fx) {
    return emit(state, escalator.pageFrom(policy, step, reason, now, fx::nextTurn), dueAt, now, fx);
  }

  /** Publishes {@code outcome} and waits on the timer of the step after the one it paged. */
  static IncidentState emit(
      IncidentState state, Escalator.Outcome outcome, Instant dueAt, Instant now, Effects fx) {
    EscalationEvents.of(outcome, state.incident(), state.paging().epoch(), dueAt, now)
        .forEach(fx::escalation);
    Escalator.Fired fired = outcome.fired();
    if (fired == null) {
      return state.with(state.paging().withStatus(Status.TRIGGERED));
    }
    state = state.with(state.paging().paged(fired.step().level(), fired.step().round()));
    if (fired.nextStepDueAt() != null) {
      state = schedule(state, TimerKind.STEP, fired.nextStepDueAt(), fx);
    }
    return state;
  }

  /** Sets the incident's paging timer (replacing none: callers drop the old one first). */
  static IncidentState schedule(IncidentState state, TimerKind kind, Instant due, Effects fx) {
    DueTimer timer = DueTimer.of(state.incidentId(), kind, due);
    fx.schedule(timer);
    return state.with(state.paging().withTimer(timer));
  }

  /** Drops the paging timer; publishes the cancellation when it owed someone a page. */
  static IncidentState cancel(IncidentState state, String reason, Instant now, Effects fx) {
    DueTimer timer = state.paging().timer();
    if (timer == null) {
      return state;
    }
    fx.cancel(timer);
    if (!timer.kind().owesPage()) {
      return state.with(state.paging().withTimer(null));
    }
    fx.escalation(
        EscalationEvents.cancelled(state.incident(), state.paging().cancellations(), reason, now));
    return state.with(state.paging().cancelled());
  }

  /** A restart of paging: the pending timer goes silently and later pages get new event ids. */
  static IncidentState restart(IncidentState state, Effects fx) {
    if (state.paging().timer() != null) {
      fx.cancel(state.paging().timer());
    }
    return state.with(state.paging().withTimer(null).nextEpoch());
  }

  /** The step last paged, or level 1 of round 1 before the first page. */
  static Step current(IncidentState state) {
    Paging p = state.paging();
    return p.level() == 0 ? Step.FIRST : new Step(p.level(), p.round());
  }
}
