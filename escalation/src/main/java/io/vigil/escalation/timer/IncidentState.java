package io.vigil.escalation.timer;

import java.util.Objects;

/**
 * What the escalation service remembers of an open incident: what every page repeats, where its
 * paging stands (status, last level paged, the timer it waits on), and its response-time clock.
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
    SNOOZED
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
   * counts restarts (manual, reassign, re-trigger) so every page has its own event id, {@code
   * cancellations} numbers the cancellation events, {@code timer} is the paging timer or null.
   */
  public record Paging(
      Status status, int level, int round, int epoch, int cancellations, DueTimer timer) {

    public Paging {
      Objects.requireNonNull(status, "status");
    }

    public Paging withStatus(Status s) {
      return new Paging(s, level, round, epoch, cancellations, timer);
    }

    public Paging withTimer(DueTimer t) {
      return new Paging(status, level, round, epoch, cancellations, t);
    }

    public Paging paged(int newLevel, int newRound) {
      return new Paging(Status.TRIGGERED, newLevel, newRound, epoch, cancellations, timer);
    }

    public Paging nextEpoch() {
      return new Paging(status, level, round, epoch + 1, cancellations, timer);
    }

    public Paging cancelled() {
      return new Paging(status, level, round, epoch, cancellations + 1, null);
    }
  }

  /**
   * The response-time clock: when the incident was first acknowledged (0 not yet), the deadline
   * timers still pending, and which targets were breached already.
   */
  public record Sla(
      long acknowledgedAtMillis,
      DueTimer acknowledgeDeadline,
      DueTimer resolveDeadline,
      boolean acknowledgeBreached,
      boolean resolveBreached) {

    public static final Sla NONE = new Sla(0, null, null, false, false);

    public Sla withDeadlines(DueTimer ack, DueTimer resolve) {
      return new Sla(acknowledgedAtMillis, ack, resolve, acknowledgeBreached, resolveBreached);
    }

    public Sla acknowledged(long atMillis) {
      return new Sla(atMillis, null, resolveDeadline, acknowledgeBreached, resolveBreached);
    }

    public Sla breached(TimerKind kind) {
      return kind == TimerKind.SLA_ACKNOWLEDGE
          ? new Sla(acknowledgedAtMillis, null, resolveDeadline, true, resolveBreached)
          : new Sla(acknowledgedAtMillis, acknowledgeDeadline, null, acknowledgeBreached, true);
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
