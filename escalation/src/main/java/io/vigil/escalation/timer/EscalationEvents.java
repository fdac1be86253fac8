package io.vigil.escalation.timer;

import io.vigil.escalation.policy.Escalator;
import io.vigil.escalation.policy.PagedUser;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationLevelSkipped;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the escalator's outcomes to {@code vigil.escalations.v1} events with deterministic ids:
 * {@code <incidentId>/L<level>/R<round>}, suffixed {@code /E<n>} after the n-th restart (manual,
 * reassign, re-trigger, reopen), and {@code <incidentId>/cancelled}, then {@code /cancelled/2},
 * ...; a fired step carries its due time when a timer fired it ({@code occurredAt} is its fire
 * time).
 */
final class EscalationEvents {

  private EscalationEvents() {}

  /**
   * The skipped levels then the fired one, in order; {@code dueAt} is the due time of the timer
   * that fired the step, null when the step is paged at once in answer to an event.
   */
  static List<EscalationEvent> of(
      Escalator.Outcome outcome,
      IncidentState.Incident incident,
      int epoch,
      Instant dueAt,
      Instant now) {
    String suffix = epoch == 0 ? "" : "/E" + epoch;
    List<EscalationEvent> events = new ArrayList<>();
    for (Escalator.Skipped s : outcome.skipped()) {
      events.add(
          event(
              s.step().eventId(incident.incidentId()) + suffix,
              incident,
              now,
              EscalationLevelSkipped.newBuilder()
                  .setPolicyId(incident.policyId())
                  .setLevel(s.step().level())
                  .setReason(s.reason())
                  .build()));
    }
    Escalator.Fired f = outcome.fired();
    if (f != null) {
      events.add(
          event(
              f.step().eventId(incident.incidentId()) + suffix,
              incident,
              now,
              EscalationFired.newBuilder()
                  .setPolicyId(incident.policyId())
                  .setLevel(f.step().level())
                  .setRound(f.step().round())
                  .setReason(EscalationReason.valueOf(f.reason().name()))
                  .setTargets(f.users().stream().map(EscalationEvents::paged).toList())
                  .setTitle(incident.title())
                  .setPriority(Priority.valueOf(incident.priority()))
                  .setUrgency(Urgency.valueOf(incident.urgency()))
                  .setNextStepDueAt(f.nextStepDueAt())
                  .setDueAt(dueAt)
                  .build()));
    }
    return events;
  }

  /** The {@code n}-th (0-based) cancellation of the incident's pending page. */
  static EscalationEvent cancelled(
      IncidentState.Incident incident, int n, String reason, Instant now) {
    String id = incident.incidentId() + "/cancelled" + (n == 0 ? "" : "/" + (n + 1));
    return event(id, incident, now, EscalationCancelled.newBuilder().setReason(reason).build());
  }

  private static io.vigil.schemas.PagedUser paged(PagedUser user) {
    return io.vigil.schemas.PagedUser.newBuilder()
        .setUserId(user.userId())
        .setVia(user.via())
        .build();
  }

  private static EscalationEvent event(
      String eventId, IncidentState.Incident incident, Instant now, Object payload) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incident.incidentId())
        .setServiceId(incident.serviceId())
        .setOccurredAt(now)
        .setEvent(payload)
        .build();
  }
}
