package io.vigil.escalation.timer;

import io.vigil.config.EscalationPolicy;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.sla.SlaTracker;
import io.vigil.escalation.timer.IncidentState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resolved incident stops paging and is remembered for the retention, so that a reopen pages it
 * again from level 1 of its policy as in force then (reason {@code INITIAL}, like an opening) —
 * unless the classifier holds it as flapping, which by contract is not paged again; a merged
 * incident is forgotten at once (it lives on in the one it joined).
 */
public final class ResolvedIncidents {

  private static final Logger LOG = LoggerFactory.getLogger(ResolvedIncidents.class);

  /** How the classifier's reopen of a flapping incident begins its reason. */
  static final String FLAPPING_REASON = "flapping";

  private final Supplier<VigilConfig> live;
  private final SlaTracker sla;
  private final EscalationEngine engine;
  private final Duration retention;

  public ResolvedIncidents(
      Supplier<VigilConfig> live, SlaTracker sla, EscalationEngine engine, Duration retention) {
    this.live = live;
    this.sla = sla;
    this.engine = engine;
    this.retention = retention;
  }

  /** Resolved: cancels the pending page, records the response times once, keeps the incident. */
  public void resolved(String incidentId, String actor, Instant at, Instant now, Effects fx) {
    IncidentState state = EscalationEngine.open(incidentId, fx);
    if (state == null) {
      return;
    }
    state = Pager.cancel(state, "resolved by " + actor, now, fx);
    state = state.with(state.paging().withStatus(Status.RESOLVED));
    state = state.with(sla.resolved(state.incident(), state.sla(), at, fx));
    fx.save(Pager.schedule(state, TimerKind.FORGET, now.plus(retention), fx));
  }

  /** Merged into another: cancels everything pending, measures nothing, forgets the incident. */
  public void merged(String incidentId, String target, Instant now, Effects fx) {
    IncidentState state = EscalationEngine.open(incidentId, fx);
    if (state == null) {
      return;
    }
    state = Pager.cancel(state, "merged into " + target, now, fx);
    sla.cancelDeadlines(state.sla(), fx);
    fx.forget(incidentId);
  }

  /**
   * Reopened: level 1 again (or at the start of support hours, as at opening), with new event ids;
   * a flapping incident is tracked again but not paged. The response times stay the first ones.
   */
  public void reopened(String incidentId, String reason, Instant now, Effects fx) {
    IncidentState state = fx.state(incidentId);
    if (state == null || state.paging().status() != Status.RESOLVED) {
      LOG.debug("incident {} reopened but not resolved here (or forgotten): ignored", incidentId);
      return;
    }
    state = Pager.restart(state, fx);
    state = state.with(state.paging().withStatus(Status.TRIGGERED));
    boolean flapping =
        state.paging().flapping()
            || reason.strip().toLowerCase(Locale.ROOT).startsWith(FLAPPING_REASON);
    VigilConfig config = live.get();
    Optional<EscalationPolicy> policy = EscalationEngine.policyOf(config, state);
    if (flapping || policy.isEmpty()) {
      LOG.info(
          "incident {} reopened ({}): not paged again, {}",
          incidentId,
          reason,
          flapping ? "it is flapping" : "its policy " + state.incident().policyId() + " is gone");
      fx.save(state);
      return;
    }
    fx.save(engine.startPaging(config, state, policy.get(), now, fx));
  }

  /** The classifier marked the incident flapping: a later reopen does not page it. */
  public void flapping(String incidentId, Effects fx) {
    IncidentState state = fx.state(incidentId);
    if (state != null) {
      fx.save(state.with(state.paging().markedFlapping()));
    }
  }

  /** The retention of a resolved incident ran out: forget it. */
  public void forgetDue(DueTimer timer, Effects fx) {
    IncidentState state = fx.state(timer.incidentId());
    if (state != null
        && state.paging().status() == Status.RESOLVED
        && timer.equals(state.paging().timer())) {
      fx.forget(timer.incidentId());
    }
  }
}
