package io.vigil.notifier.record;

import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.schemas.Channel;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.NotificationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Maps an attempt and one of its states to the Avro record on {@code vigil.notifications.v1}; the
 * event id is derived from the attempt id, the outcome and the try, so recording the same state
 * twice yields the same id (the ticket store keeps one) while each state keeps its own.
 */
public final class NotificationEvents {

  private NotificationEvents() {}

  /** The Avro value recording {@code delivery} of {@code attempt} at {@code at}. */
  public static NotificationEvent toAvro(Attempt attempt, Delivery delivery, Instant at) {
    return NotificationEvent.newBuilder()
        .setEventId(eventIdOf(attempt.id(), delivery))
        .setAttemptId(attempt.id())
        .setIncidentId(attempt.page().incidentId())
        .setEscalationEventId(attempt.page().escalationEventId())
        .setUserId(attempt.userId())
        .setContactMethodId(attempt.contactMethod().id())
        .setChannel(Channel.valueOf(attempt.contactMethod().type().name()))
        .setLevel(attempt.page().level())
        .setTries(delivery.tries())
        .setOutcome(DeliveryOutcome.valueOf(delivery.outcome().name()))
        .setDetail(delivery.detail())
        .setOccurredAt(at)
        .build();
  }

  /** The state an Avro record describes (without its detail, which the memory does not need). */
  public static Delivery stateOf(NotificationEvent event) {
    Delivery.Outcome outcome;
    try {
      outcome = Delivery.Outcome.valueOf(event.getOutcome().name());
    } catch (IllegalArgumentException e) {
      outcome = Delivery.Outcome.UNKNOWN;
    }
    return new Delivery(outcome, Math.max(0, event.getTries()), null);
  }

  /** A name-based UUID of the attempt id, the outcome and the try. */
  static String eventIdOf(String attemptId, Delivery delivery) {
    String name = attemptId + "#" + delivery.outcome() + "#" + delivery.tries();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
