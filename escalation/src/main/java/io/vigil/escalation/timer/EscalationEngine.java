package io.vigil.escalation.timer;

import io.vigil.config.EscalationPolicy;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.policy.Escalator;
import io.vigil.escalation.policy.PagedUser;
import io.vigil.escalation.policy.Reason;
import io.vigil.escalation.policy.Step;
import io.vigil.escalation.policy.SupportHoursWindow;
import io.vigil.escalation.policy.TargetResolver;
import io.vigil.escalation.sla.SlaTracker;
import io.vigil.escalation.timer.IncidentState.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation rules per incident, read from the configuration in force at each decision: page
 * level 1 when it opens (low urgency waits for the service's support hours), the next level on
 * timeout, cancel on acknowledge or resolve, re-page when an acknowledgement or a snooze runs out,
 * escalate now, reassign, and re-page on a higher priority when the policy says so.
 */
public final class EscalationEngine {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationEngine.class);

  private final Supplier<VigilConfig> live;
  private final SlaTracker sla;

  public EscalationEngine(Supplier<VigilConfig> live, SlaTracker sla) {
    this.live = live;
    this.sla = sla;
  }

  /** An incident opened: start its SLA clock and page level 1, now or when support hours begin. */
  public void opened(IncidentState.Incident incident, Instant now, Effects fx) {
    if (fx.state(incident.incidentId()) != null) {
      LOG.debug("incident {} already escalating, opened again: ignored", incident.incidentId());
      return;
    }
    VigilConfig config = live.get();
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
        new IncidentState(incident, IncidentState.Paging.start(), IncidentState.Sla.NONE);
    state = state.with(sla.deadlines(incident, state.sla(), fx));
    fx.save(startPaging(config, state, policy.get(), now, fx));
  }

  /**
   * Level 1 of {@code policy} at once, or at the start of the service's support hours for a
   * low-urgency incident outside them; reason {@code INITIAL}, as when the incident opened.
   */
  IncidentState startPaging(
      VigilConfig config, IncidentState state, EscalationPolicy policy, Instant now, Effects fx) {
    Optional<Instant> waitUntil = supportHoursStart(config, state.incident(), now);
    if (waitUntil.isPresent()) {
      LOG.info(
          "incident {} is low urgency outside support hours: level 1 is paged at {}",
          state.incidentId(),
          waitUntil.get());
      return Pager.schedule(state, TimerKind.SUPPORT_HOURS, waitUntil.get(), fx);
    }
    return Pager.page(state, escalator(config), policy, Step.FIRST, Reason.INITIAL, null, now, fx);
  }

  /** Cancels the pending page; after {@code acknowledgeTimeout} the incident is paged again. */
  public void acknowledged(String incidentId, String actor, Instant at, Instant now, Effects fx) {
    IncidentState state = open(incidentId, fx);
    if (state == null) {
      return;
    }
    state = Pager.cancel(state, "acknowledged by " + actor, now, fx);
    state = state.with(sla.acknowledged(state.incident(), state.sla(), at, fx));
    state = state.with(state.paging().withStatus(Status.ACKNOWLEDGED));
    Optional<EscalationPolicy> policy = policyOf(live.get(), state);
    if (policy.isPresent() && policy.get().acknowledgeTimeout() != null) {
      state =
          Pager.schedule(
              state, TimerKind.ACK_TIMEOUT, now.plus(policy.get().acknowledgeTimeout()), fx);
    }
    fx.save(state);
  }

  /** Holds paging until {@code until}; then the level last paged is paged again. */
  public void snoozed(String incidentId, String actor, Instant until, Instant now, Effects fx) {
    IncidentState state = open(incidentId, fx);
    if (state == null) {
      return;
    }
    state = Pager.cancel(state, "snoozed by " + actor + " until " + until, now, fx);
    state = state.with(state.paging().withStatus(Status.SNOOZED));
    fx.save(Pager.schedule(state, TimerKind.SNOOZE_END, until, fx));
  }

  /** Escalate now: the level after the one last paged (the last level again at the very end). */
  public void escalateNow(String incidentId, Instant now, Effects fx) {
    VigilConfig config = live.get();
    IncidentState state = open(incidentId, fx);
    Optional<EscalationPolicy> policy = policyOf(config, state);
    if (policy.isEmpty()) {
      return;
    }
    Step step = Pager.current(state);
    if (state.paging().level() > 0) {
      Step next = Escalator.next(policy.get(), step);
      step = next == null ? step : next;
    }
    state = Pager.restart(state, fx);
    fx.save(Pager.page(state, escalator(config), policy.get(), step, Reason.MANUAL, null, now, fx));
  }

  /** Pages the new assignee at the current level; escalation goes on from there if unanswered. */
  public void reassigned(String incidentId, String userId, Instant now, Effects fx) {
    IncidentState state = open(incidentId, fx);
    Optional<EscalationPolicy> policy = policyOf(live.get(), state);
    if (policy.isEmpty()) {
      return;
    }
    Step step = Pager.current(state);
    state = Pager.restart(state, fx);
    Instant due =
        Escalator.next(policy.get(), step) == null
            ? null
            : now.plus(Escalator.waitAfter(policy.get(), step.level()));
    Escalator.Outcome outcome =
        new Escalator.Outcome(
            List.of(),
            new Escalator.Fired(
                step, Reason.REASSIGNED, List.of(new PagedUser(userId, null)), due));
    fx.save(Pager.emit(state, outcome, null, now, fx));
  }

  /**
   * New priority and urgency: SLA deadlines follow the new priority; a low-urgency incident waiting
   * for support hours that became high urgency is paged now; a higher priority re-pages level 1
   * when the policy has {@code repageOnHigherPriority}.
   */
  public void reclassified(
      String incidentId, String priority, String urgency, Instant now, Effects fx) {
    VigilConfig config = live.get();
    IncidentState state = open(incidentId, fx);
    Optional<EscalationPolicy> policy = policyOf(config, state);
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
      state = Pager.restart(state, fx);
      state =
          Pager.page(
              state,
              escalator(config),
              policy.get(),
              Step.FIRST,
              Reason.RECLASSIFIED,
              null,
              now,
              fx);
    }
    fx.save(state);
  }

  /**
   * A paging timer came due: the next step, or a page when support hours, a snooze or an ack end;
   * each page records the timer's due time.
   */
  public void pagingDue(DueTimer timer, Instant now, Effects fx) {
    VigilConfig config = live.get();
    IncidentState state = open(timer.incidentId(), fx);
    Optional<EscalationPolicy> policy = policyOf(config, state);
    if (policy.isEmpty() || !timer.equals(state.paging().timer())) {
      return; // the incident is gone or resolved, or this timer was replaced
    }
    Escalator escalator = escalator(config);
    Instant due = Instant.ofEpochMilli(timer.dueAtMillis());
    Step current = Pager.current(state);
    state = state.with(state.paging().withTimer(null));
    state =
        switch (timer.kind()) {
          case STEP ->
              Pager.emit(
                  state, escalator.timeout(policy.get(), current, now, fx::nextTurn), due, now, fx);
          case SUPPORT_HOURS ->
              Pager.page(
                  state, escalator, policy.get(), Step.FIRST, Reason.SUPPORT_HOURS, due, now, fx);
          case SNOOZE_END ->
              Pager.page(
                  Pager.restart(state, fx),
                  escalator,
                  policy.get(),
                  current,
                  Reason.SNOOZE_ENDED,
                  due,
                  now,
                  fx);
          case ACK_TIMEOUT ->
              Pager.page(
                  Pager.restart(state, fx),
                  escalator,
                  policy.get(),
                  current,
                  Reason.ACK_TIMEOUT,
                  due,
                  now,
                  fx);
          default -> throw new IllegalArgumentException("not a paging timer: " + timer);
        };
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

  /** The incident's state while it is open; null when unknown or resolved. */
  static IncidentState open(String incidentId, Effects fx) {
    IncidentState state = fx.state(incidentId);
    return state == null || state.paging().status() == Status.RESOLVED ? null : state;
  }

  static Escalator escalator(VigilConfig config) {
    return new Escalator(new TargetResolver(config));
  }

  static Optional<EscalationPolicy> policyOf(VigilConfig config, IncidentState state) {
    return state == null ? Optional.empty() : config.escalationPolicy(state.incident().policyId());
  }

  private static Optional<Instant> supportHoursStart(
      VigilConfig config, IncidentState.Incident incident, Instant now) {
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
