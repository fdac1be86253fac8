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
 * Maps the escalator's outcomes to {@code vigil.escalations.v1} events with deterministic ids
 * ({@code <incidentId>/L<level>/R<round>}, {@code <incidentId>/cancelled}).
 */
final class EscalationEvents {

  private EscalationEvents() {}

  /** The skipped levels then the fired one, in order. */
  static List<EscalationEvent> of(Escalator.Outcome outcome, PendingStep context, Instant now) {
    List<EscalationEvent> events = new ArrayList<>();
    for (Escalator.Skipped s : outcome.skipped()) {
      events.add(
          event(
              s.step().eventId(context.incidentId()),
              context,
              now,
              EscalationLevelSkipped.newBuilder()
                  .setPolicyId(context.policyId())
                  .setLevel(s.step().level())
                  .setReason(s.reason())
                  .build()));
    }
    Escalator.Fired f = outcome.fired();
    if (f != null) {
      events.add(
          event(
              f.step().eventId(context.incidentId()),
              context,
              now,
              EscalationFired.newBuilder()
                  .setPolicyId(context.policyId())
                  .setLevel(f.step().level())
                  .setRound(f.step().round())
                  .setReason(EscalationReason.valueOf(f.reason().name()))
                  .setTargets(f.users().stream().map(EscalationEvents::paged).toList())
                  .setTitle(context.title())
                  .setPriority(Priority.valueOf(context.priority()))
                  .setUrgency(Urgency.valueOf(context.urgency()))
                  .setNextStepDueAt(f.nextStepDueAt())
                  .build()));
    }
    return events;
  }

  static EscalationEvent cancelled(PendingStep pending, String reason, Instant now) {
    return event(
        pending.incidentId() + "/cancelled",
        pending,
        now,
        EscalationCancelled.newBuilder().setReason(reason).build());
  }

  private static io.vigil.schemas.PagedUser paged(PagedUser user) {
    return io.vigil.schemas.PagedUser.newBuilder()
        .setUserId(user.userId())
        .setVia(user.via())
        .build();
  }

  private static EscalationEvent event(
      String eventId, PendingStep context, Instant now, Object payload) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(context.incidentId())
        .setServiceId(context.serviceId())
        .setOccurredAt(now)
        .setEvent(payload)
        .build();
  }
}
