package io.vigil.ticketstore.feed;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.vigil.schemas.EscalationEvent;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.escalations.v1} (who was paged, skipped or stopped
 * being paged) to the tickets, a poll at a time, retrying while the database is unavailable and
 * dead-lettering what cannot be applied.
 */
@FeedConsumer(groupId = "vigil-ticket-store-escalations", clientId = "ticket-store-escalations")
public class EscalationEventsListener extends FeedListener<EscalationEvent, TicketEvent> {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code
   * Topics.ESCALATIONS}.
   */
  static final String TOPIC = "vigil.escalations.v1";

  private final TicketLedger ledger;

  public EscalationEventsListener(TicketLedger ledger, DeadLetterRouting deadLetters) {
    super(deadLetters);
    this.ledger = ledger;
  }

  @Topic(TOPIC)
  void receive(List<ConsumerRecord<String, EscalationEvent>> records) {
    applyPoll(records);
  }

  @Override
  protected Optional<TicketEvent> read(EscalationEvent value) {
    return Optional.of(EscalationEventMapping.toTicketEvent(value));
  }

  @Override
  protected void applyAll(List<TicketEvent> events) {
    ledger.applyAll(events);
  }
}
