package io.vigil.escalation.timer;

import io.vigil.config.EscalationPolicy;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.policy.Escalator;
import io.vigil.escalation.policy.PagedUser;
import io.vigil.escalation.policy.Reason;
import io.vigil.escalation.policy.Step;
import io.vigil.escalation.policy.SupportHoursWindow;
import io.vigil.escalation.sla.SlaTracker;
import io.vigil.escalation.timer.IncidentState.Paging;
import io.vigil.escalation.timer.IncidentState.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation rules per incident: page level 1 when it opens (low urgency waits for the
 * service's support hours), the next level on timeout, cancel on acknowledge or resolve, re-page
 * when an acknowledgement or a snooze runs out, escalate now, reassign, and re-page on a higher
 * priority when the policy says so.
 */
public final class EscalationEngine {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationEngine.class);

  private final VigilConfig config;
  private final Escalator escalator;
  private final SlaTracker sla;

  public EscalationEngine(VigilConfig config, Escalator escalator, SlaTracker sla) {
    this.config = config;
    this.escalator = escalator;
    this.sla = sla;
  }

  /** An incident opened: start its SLA clock and page level 1, now or when support hours begin. */
  public void opened(IncidentState.Incident incident, Instant now, Effects fx) {
    if (fx.state(incident.incidentId()) != null) {
      LOG.debug("incident {} already escalating, opened again: ignored", incident.incidentId());
      return;
    }
    Optional<EscalationPolicy> policy = config.escalationPolicy(incident.policyId());
    if (policy.isEmpty()) {
      LOG.warn(
          "incident {} of service {}: no escalation policy '{}', nobody is paged; give the service"
              + " an escalationPolicy that exists in the configuration",
          incident.incidentId(),
          incident.serviceId(),
          incident.policyId());
      return;
    }
    IncidentState state =
        new IncidentState(
            incident, new Paging(Status.TRIGGERED, 0, 0, 0, 0, null), IncidentState.Sla.NONE);
    state = state.with(sla.deadlines(incident, state.sla(), fx));
    Optional<Instant> waitUntil = supportHoursStart(incident, now);
    if (waitUntil.isPresent()) {
      LOG.info(
          "incident {} is low urgency outside support hours: level 1 is paged at {}",
          incident.incidentId(),
          waitUntil.get());
      fx.save(schedule(state, TimerKind.SUPPORT_HOURS, waitUntil.get(), fx));
      return;
    }
    fx.save(page(state, policy.get(), Step.FIRST, Reason.INITIAL, now, fx));
  }

  /** Cancels the pending page; after {@code acknowledgeTimeout} the incident is paged again. */
  public void acknowledged(String incidentId, String actor, Instant at, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    if (state == null) {
      return;
    }
    state = cancelPaging(state, "acknowledged by " + actor, now, fx);
    state = state.with(sla.acknowledged(state.incident(), state.sla(), at, fx));
    state = state.with(state.paging().withStatus(Status.ACKNOWLEDGED));
    Optional<EscalationPolicy> policy = config.escalationPolicy(state.incident().policyId());
    if (policy.isPresent() && policy.get().acknowledgeTimeout() != null) {
      state =
          schedule(state, TimerKind.ACK_TIMEOUT, now.plus(policy.get().acknowledgeTimeout()), fx);
    }
    fx.save(state);
  }

  /**
   * Cancels everything pending and forgets the incident; records the response times when {@code
   * measure} (a merged incident is not measured: it lives on in the one it joined).
   */
  public void closed(
      String incidentId, String why, boolean measure, Instant at, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    if (state == null) {
      return;
    }
    state = cancelPaging(state, why, now, fx);
    if (measure) {
      sla.resolved(state.incident(), state.sla(), at, fx);
    } else {
      sla.cancelDeadlines(state.sla(), fx);
    }
    fx.forget(incidentId);
  }

  /** Holds paging until {@code until}; then the level last paged is paged again. */
  public void snoozed(String incidentId, String actor, Instant until, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    if (state == null) {
      return;
    }
    state = cancelPaging(state, "snoozed by " + actor + " until " + until, now, fx);
    state = state.with(state.paging().withStatus(Status.SNOOZED));
    fx.save(schedule(state, TimerKind.SNOOZE_END, until, fx));
  }

  /** Escalate now: the level after the one last paged (the last level again at the very end). */
  public void escalateNow(String incidentId, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    Optional<EscalationPolicy> policy = policyOf(state);
    if (policy.isEmpty()) {
      return;
    }
    Step step = current(state);
    if (state.paging().level() > 0) {
      Step next = Escalator.next(policy.get(), step);
      step = next == null ? step : next;
    }
    state = restart(state, fx);
    fx.save(page(state, policy.get(), step, Reason.MANUAL, now, fx));
  }

  /** Pages the new assignee at the current level; escalation goes on from there if unanswered. */
  public void reassigned(String incidentId, String userId, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    Optional<EscalationPolicy> policy = policyOf(state);
    if (policy.isEmpty()) {
      return;
    }
    Step step = current(state);
    state = restart(state, fx);
    Instant due =
        Escalator.next(policy.get(), step) == null
            ? null
            : now.plus(Escalator.waitAfter(policy.get(), step.level()));
    Escalator.Outcome outcome =
        new Escalator.Outcome(
            List.of(),
            new Escalator.Fired(
                step, Reason.REASSIGNED, List.of(new PagedUser(userId, null)), due));
    fx.save(emit(state, outcome, now, fx));
  }

  /**
   * New priority and urgency: SLA deadlines follow the new priority; a low-urgency incident waiting
   * for support hours that became high urgency is paged now; a higher priority re-pages level 1
   * when the policy has {@code repageOnHigherPriority}.
   */
  public void reclassified(
      String incidentId, String priority, String urgency, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    Optional<EscalationPolicy> policy = policyOf(state);
    if (policy.isEmpty()) {
      return;
    }
    boolean higher = priority.compareTo(state.incident().priority()) < 0;
    state = state.with(state.incident().reclassified(priority, urgency));
    state = state.with(sla.deadlines(state.incident(), state.sla(), fx));
    DueTimer timer = state.paging().timer();
    boolean waiting = timer != null && timer.kind() == TimerKind.SUPPORT_HOURS;
    boolean triggered = state.paging().status() == Status.TRIGGERED;
    if (triggered
        && ((waiting && "HIGH".equals(urgency))
            || (higher && policy.get().repageOnHigherPriority()))) {
      state = restart(state, fx);
      state = page(state, policy.get(), Step.FIRST, Reason.RECLASSIFIED, now, fx);
    }
    fx.save(state);
  }

  /**
   * A paging timer came due: the next step, or a page when support hours, a snooze or an ack end.
   */
  public void pagingDue(DueTimer timer, Instant now, Effects fx) {
    IncidentState state = fx.state(timer.incidentId());
    Optional<EscalationPolicy> policy = policyOf(state);
    if (policy.isEmpty() || !timer.equals(state.paging().timer())) {
      return; // the incident is gone, or this timer was replaced
    }
    state = state.with(state.paging().withTimer(null));
    switch (timer.kind()) {
      case STEP -> {
        Escalator.Outcome outcome =
            escalator.timeout(policy.get(), current(state), now, fx::nextTurn);
        state = emit(state, outcome, now, fx);
      }
      case SUPPORT_HOURS ->
          state = page(state, policy.get(), Step.FIRST, Reason.SUPPORT_HOURS, now, fx);
      case SNOOZE_END ->
          state =
              page(restart(state, fx), policy.get(), current(state), Reason.SNOOZE_ENDED, now, fx);
      case ACK_TIMEOUT ->
          state =
              page(restart(state, fx), policy.get(), current(state), Reason.ACK_TIMEOUT, now, fx);
      default -> throw new IllegalArgumentException("not a paging timer: " + timer);
    }
    fx.save(state);
  }

  /** An SLA deadline came due while its target is unmet: publish the breach. */
  public void slaDue(DueTimer timer, Instant now, Effects fx) {
    IncidentState state = fx.state(timer.incidentId());
    if (state == null
        || !(timer.equals(state.sla().acknowledgeDeadline())
            || timer.equals(state.sla().resolveDeadline()))) {
      return;
    }
    fx.save(state.with(sla.breached(state.incident(), state.sla(), timer, now, fx)));
  }

  private IncidentState page(
      IncidentState state,
      EscalationPolicy policy,
      Step step,
      Reason reason,
      Instant now,
      Effects fx) {
    return emit(state, escalator.pageFrom(policy, step, reason, now, fx::nextTurn), now, fx);
  }

  private IncidentState emit(
      IncidentState state, Escalator.Outcome outcome, Instant now, Effects fx) {
    EscalationEvents.of(outcome, state.incident(), state.paging().epoch(), now)
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

  private IncidentState schedule(IncidentState state, TimerKind kind, Instant due, Effects fx) {
    DueTimer timer = DueTimer.of(state.incidentId(), kind, due);
    fx.schedule(timer);
    return state.with(state.paging().withTimer(timer));
  }

  /** Drops the paging timer; publishes the cancellation when it owed someone a page. */
  private IncidentState cancelPaging(IncidentState state, String reason, Instant now, Effects fx) {
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
  private static IncidentState restart(IncidentState state, Effects fx) {
    if (state.paging().timer() != null) {
      fx.cancel(state.paging().timer());
    }
    return state.with(state.paging().withTimer(null).nextEpoch());
  }

  private static Step current(IncidentState state) {
    Paging p = state.paging();
    return p.level() == 0 ? Step.FIRST : new Step(p.level(), p.round());
  }

  private Optional<EscalationPolicy> policyOf(IncidentState state) {
    return state == null ? Optional.empty() : config.escalationPolicy(state.incident().policyId());
  }

  private Optional<Instant> supportHoursStart(IncidentState.Incident incident, Instant now) {
    if (!"LOW".equals(incident.urgency())) {
      return Optional.empty();
    }
    return config
        .service(incident.serviceId())
        .map(Service::supportHours)
        .map(SupportHoursWindow::new)
        .filter(window -> !window.contains(now))
        .map(window -> window.nextStart(now));
  }
}
