package io.vigil.ticketstore.feed;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.vigil.schemas.IncidentEvent;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.incidents.v1} (a fact of an incident's lifecycle)
 * to the tickets, a poll at a time, retrying while the database is unavailable and dead-lettering
 * what cannot be applied.
 */
@FeedConsumer(groupId = "vigil-ticket-store-incidents", clientId = "ticket-store-incidents")
public class IncidentEventsListener extends FeedListener<IncidentEvent, TicketEvent> {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code Topics.INCIDENTS}.
   */
  static final String TOPIC = "vigil.incidents.v1";

  private final TicketLedger ledger;

  public IncidentEventsListener(TicketLedger ledger, DeadLetterRouting deadLetters) {
    super(deadLetters);
    this.ledger = ledger;
  }

  @Topic(TOPIC)
  void receive(List<ConsumerRecord<String, IncidentEvent>> records) {
    applyPoll(records);
  }

  @Override
  protected Optional<TicketEvent> read(IncidentEvent value) {
    return Optional.of(IncidentEventMapping.toTicketEvent(value));
  }

  @Override
  protected void applyAll(List<TicketEvent> events) {
    ledger.applyAll(events);
  }
}
