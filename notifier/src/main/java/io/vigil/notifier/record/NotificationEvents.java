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
 * Maps an attempt and its result to the Avro record on {@code vigil.notifications.v1}; the event id
 * is derived from the attempt id, so recording the same attempt twice yields the same id.
 */
public final class NotificationEvents {

  private NotificationEvents() {}

  /** The Avro value recording {@code delivery} of {@code attempt} at {@code at}. */
  public static NotificationEvent toAvro(Attempt attempt, Delivery delivery, Instant at) {
    return NotificationEvent.newBuilder()
        .setEventId(eventIdOf(attempt.id()))
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

  /** A name-based UUID of the attempt id. */
  static String eventIdOf(String attemptId) {
    return UUID.nameUUIDFromBytes(attemptId.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
