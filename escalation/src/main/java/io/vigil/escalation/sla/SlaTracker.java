package io.vigil.escalation.sla;

import io.vigil.config.SlaTarget;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.timer.DueTimer;
import io.vigil.escalation.timer.Effects;
import io.vigil.escalation.timer.EscalationMetrics;
import io.vigil.escalation.timer.IncidentState;
import io.vigil.escalation.timer.TimerKind;
import io.vigil.schemas.Priority;
import io.vigil.schemas.ResponseTimeRecorded;
import io.vigil.schemas.SlaBreached;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Measures an incident's time to acknowledge and to resolve from its opening, once each, and keeps
 * a timer on each target of its priority (as configured when the deadline is set) so {@code
 * SlaBreached} is published the moment a deadline passes; a resolve without acknowledgement counts
 * as the acknowledgement.
 */
public final class SlaTracker {

  private final Supplier<VigilConfig> live;
  private final EscalationMetrics metrics;

  public SlaTracker(Supplier<VigilConfig> live, EscalationMetrics metrics) {
    this.live = live;
    this.metrics = metrics;
  }

  /**
   * (Re)sets the deadline timers for the incident's current priority; a target already met or
   * breached gets none, and a deadline already past fires at the next tick.
   */
  public IncidentState.Sla deadlines(
      IncidentState.Incident incident, IncidentState.Sla sla, Effects fx) {
    cancelDeadlines(sla, fx);
    if (sla.resolvedAtMillis() != 0) {
      return sla.withDeadlines(null, null);
    }
    Optional<SlaTarget> target = live.get().slaTarget(incident.priority());
    Instant opened = Instant.ofEpochMilli(incident.openedAtMillis());
    DueTimer ack = null;
    DueTimer resolve = null;
    if (target.isPresent()) {
      Duration ackWithin = target.get().acknowledgeWithin();
      if (ackWithin != null && sla.acknowledgedAtMillis() == 0 && !sla.acknowledgeBreached()) {
        ack = DueTimer.of(incident.incidentId(), TimerKind.SLA_ACKNOWLEDGE, opened.plus(ackWithin));
        fx.schedule(ack);
      }
      Duration resolveWithin = target.get().resolveWithin();
      if (resolveWithin != null && !sla.resolveBreached()) {
        resolve =
            DueTimer.of(incident.incidentId(), TimerKind.SLA_RESOLVE, opened.plus(resolveWithin));
        fx.schedule(resolve);
      }
    }
    return sla.withDeadlines(ack, resolve);
  }

  /** Records the time to acknowledge at the first acknowledgement. */
  public IncidentState.Sla acknowledged(
      IncidentState.Incident incident, IncidentState.Sla sla, Instant at, Effects fx) {
    if (sla.acknowledgedAtMillis() != 0) {
      return sla;
    }
    if (sla.acknowledgeDeadline() != null) {
      fx.cancel(sla.acknowledgeDeadline());
    }
    record(incident, SlaMetric.TIME_TO_ACKNOWLEDGE, at, fx);
    return sla.acknowledged(Math.max(1, at.toEpochMilli()));
  }

  /**
   * Records the time to resolve (and to acknowledge, if nobody did) at the first resolve and drops
   * the deadlines; a reopened incident resolved again keeps its first time.
   */
  public IncidentState.Sla resolved(
      IncidentState.Incident incident, IncidentState.Sla sla, Instant at, Effects fx) {
    if (sla.resolvedAtMillis() != 0) {
      return sla;
    }
    IncidentState.Sla acked = acknowledged(incident, sla, at, fx);
    if (acked.resolveDeadline() != null) {
      fx.cancel(acked.resolveDeadline());
    }
    record(incident, SlaMetric.TIME_TO_RESOLVE, at, fx);
    return acked.resolved(Math.max(1, at.toEpochMilli()));
  }

  /** Drops the deadlines without measuring (an incident merged into another). */
  public void cancelDeadlines(IncidentState.Sla sla, Effects fx) {
    if (sla.acknowledgeDeadline() != null) {
      fx.cancel(sla.acknowledgeDeadline());
    }
    if (sla.resolveDeadline() != null) {
      fx.cancel(sla.resolveDeadline());
    }
  }

  /** Publishes the breach of the deadline {@code timer} stood for. */
  public IncidentState.Sla breached(
      IncidentState.Incident incident,
      IncidentState.Sla sla,
      DueTimer timer,
      Instant now,
      Effects fx) {
    SlaMetric metric =
        timer.kind() == TimerKind.SLA_ACKNOWLEDGE
            ? SlaMetric.TIME_TO_ACKNOWLEDGE
            : SlaMetric.TIME_TO_RESOLVE;
    long target = timer.dueAtMillis() - incident.openedAtMillis();
    fx.sla(
        event(
            incident,
            "/sla/" + suffix(metric) + "-breached",
            now,
            SlaBreached.newBuilder()
                .setIncidentId(incident.incidentId())
                .setPriority(Priority.valueOf(incident.priority()))
                .setMetric(metric)
                .setTargetMillis(target)
                .build()));
    return sla.breached(timer.kind());
  }

  private void record(IncidentState.Incident incident, SlaMetric metric, Instant at, Effects fx) {
    long millis = Math.max(0, at.toEpochMilli() - incident.openedAtMillis());
    metrics.responseTime(incident.serviceId(), incident.priority(), metric.name(), millis);
    fx.sla(
        event(
            incident,
            "/sla/" + suffix(metric),
            at,
            ResponseTimeRecorded.newBuilder()
                .setIncidentId(incident.incidentId())
                .setPriority(Priority.valueOf(incident.priority()))
                .setMetric(metric)
                .setMillis(millis)
                .build()));
  }

  private static String suffix(SlaMetric metric) {
    return metric == SlaMetric.TIME_TO_ACKNOWLEDGE ? "tta" : "ttr";
  }

  private static SlaEvent event(
      IncidentState.Incident incident, String idSuffix, Instant at, Object payload) {
    return SlaEvent.newBuilder()
        .setEventId(incident.incidentId() + idSuffix)
        .setServiceId(incident.serviceId())
        .setOccurredAt(at)
        .setEvent(payload)
        .build();
  }
}
