package io.vigil.ticketstore.feed;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.vigil.schemas.NotificationEvent;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.notifications.v1} (one delivery attempt and its
 * result) to the tickets, a poll at a time, retrying while the database is unavailable and
 * dead-lettering what cannot be applied.
 */
@FeedConsumer(groupId = "vigil-ticket-store-notifications", clientId = "ticket-store-notifications")
public class NotificationEventsListener extends FeedListener<NotificationEvent, TicketEvent> {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code
   * Topics.NOTIFICATIONS}.
   */
  static final String TOPIC = "vigil.notifications.v1";

  private final TicketLedger ledger;

  public NotificationEventsListener(TicketLedger ledger, DeadLetterRouting deadLetters) {
    super(deadLetters);
    this.ledger = ledger;
  }

  @Topic(TOPIC)
  void receive(List<ConsumerRecord<String, NotificationEvent>> records) {
    applyPoll(records);
  }

  @Override
  protected Optional<TicketEvent> read(NotificationEvent value) {
    return Optional.of(NotificationEventMapping.toTicketEvent(value));
  }

  @Override
  protected void applyAll(List<TicketEvent> events) {
    ledger.applyAll(events);
  }
}
