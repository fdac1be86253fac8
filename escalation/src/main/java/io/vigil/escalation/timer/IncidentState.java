package io.vigil.escalation.timer;

import java.util.Objects;

/**
 * What the escalation service remembers of an incident while it is open, and for a while after it
 * resolved (so a reopen can page again): what every page repeats, where its paging stands (status,
 * last level paged, the timer it waits on), and its response-time clock.
 */
public record IncidentState(Incident incident, Paging paging, Sla sla) {

  public IncidentState {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(paging, "paging");
    Objects.requireNonNull(sla, "sla");
  }

  /** Where an incident's paging stands. */
  public enum Status {
    TRIGGERED,
    ACKNOWLEDGED,
    SNOOZED,
    /** Resolved: only a reopen (or the end of the retention) changes it. */
    RESOLVED
  }

  /** What every page of the incident repeats; priority and urgency change on re-classification. */
  public record Incident(
      String incidentId,
      String serviceId,
      String policyId,
      String title,
      String priority,
      String urgency,
      long openedAtMillis) {

    public Incident {
      Objects.requireNonNull(incidentId, "incidentId");
      Objects.requireNonNull(serviceId, "serviceId");
      Objects.requireNonNull(policyId, "policyId");
    }

    public Incident reclassified(String newPriority, String newUrgency) {
      return new Incident(
          incidentId, serviceId, policyId, title, newPriority, newUrgency, openedAtMillis);
    }
  }

  /**
   * The paging: {@code level}/{@code round} last paged (0 before the first page), {@code epoch}
   * counts restarts (manual, reassign, re-trigger, reopen) so every page has its own event id,
   * {@code cancellations} numbers the cancellation events, {@code timer} is the paging timer (or,
   * once resolved, the timer that forgets the incident) or null, and {@code flapping} says the
   * classifier marked the incident flapping, so a reopen does not page it.
   */
  public record Paging(
      Status status,
      int level,
      int round,
      int epoch,
      int cancellations,
      DueTimer timer,
      boolean flapping) {

    public Paging {
      Objects.requireNonNull(status, "status");
    }

    /** Nothing paged yet. */
    public static Paging start() {
      return new Paging(Status.TRIGGERED, 0, 0, 0, 0, null, false);
    }

    public Paging withStatus(Status s) {
      return new Paging(s, level, round, epoch, cancellations, timer, flapping);
    }

    public Paging withTimer(DueTimer t) {
      return new Paging(status, level, round, epoch, cancellations, t, flapping);
    }

    public Paging paged(int newLevel, int newRound) {
      return new Paging(
          Status.TRIGGERED, newLevel, newRound, epoch, cancellations, timer, flapping);
    }

    public Paging nextEpoch() {
      return new Paging(status, level, round, epoch + 1, cancellations, timer, flapping);
    }

    public Paging cancelled() {
      return new Paging(status, level, round, epoch, cancellations + 1, null, flapping);
    }

    public Paging markedFlapping() {
      return new Paging(status, level, round, epoch, cancellations, timer, true);
    }
  }

  /**
   * The response-time clock: when the incident was first acknowledged and first resolved (0 not
   * yet), the deadline timers still pending, and which targets were breached already. Each time is
   * measured once: a reopened incident keeps its first measurements.
   */
  public record Sla(
      long acknowledgedAtMillis,
      DueTimer acknowledgeDeadline,
      DueTimer resolveDeadline,
      boolean acknowledgeBreached,
      boolean resolveBreached,
      long resolvedAtMillis) {

    public static final Sla NONE = new Sla(0, null, null, false, false, 0);

    public Sla withDeadlines(DueTimer ack, DueTimer resolve) {
      return new Sla(
          acknowledgedAtMillis,
          ack,
          resolve,
          acknowledgeBreached,
          resolveBreached,
          resolvedAtMillis);
    }

    public Sla acknowledged(long atMillis) {
      return new Sla(
          atMillis, null, resolveDeadline, acknowledgeBreached, resolveBreached, resolvedAtMillis);
    }

    public Sla resolved(long atMillis) {
      return new Sla(
          acknowledgedAtMillis, null, null, acknowledgeBreached, resolveBreached, atMillis);
    }

    public Sla breached(TimerKind kind) {
      return kind == TimerKind.SLA_ACKNOWLEDGE
          ? new Sla(
              acknowledgedAtMillis, null, resolveDeadline, true, resolveBreached, resolvedAtMillis)
          : new Sla(
              acknowledgedAtMillis,
              acknowledgeDeadline,
              null,
              acknowledgeBreached,
              true,
              resolvedAtMillis);
    }
  }

  public String incidentId() {
    return incident.incidentId();
  }

  public IncidentState with(Incident i) {
    return new IncidentState(i, paging, sla);
  }

  public IncidentState with(Paging p) {
    return new IncidentState(incident, p, sla);
  }

  public IncidentState with(Sla s) {
    return new IncidentState(incident, paging, s);
  }
}
