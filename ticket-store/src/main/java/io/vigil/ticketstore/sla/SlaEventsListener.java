package io.vigil.ticketstore.sla;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.vigil.schemas.SlaEvent;
import io.vigil.ticketstore.feed.DeadLetterRouting;
import io.vigil.ticketstore.feed.FeedConsumer;
import io.vigil.ticketstore.feed.FeedListener;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.sla.v1} (response times and breaches), a poll at a
 * time, retrying while the database is unavailable and dead-lettering what cannot be applied.
 */
@FeedConsumer(groupId = "vigil-ticket-store-sla", clientId = "ticket-store-sla")
public class SlaEventsListener extends FeedListener<SlaEvent, SlaMeasurement> {

  /** Spelled here because annotations need a constant; a test holds it to {@code Topics.SLA}. */
  static final String TOPIC = "vigil.sla.v1";

  private final SlaLedger ledger;

  public SlaEventsListener(SlaLedger ledger, DeadLetterRouting deadLetters) {
    super(deadLetters);
    this.ledger = ledger;
  }

  @Topic(TOPIC)
  void receive(List<ConsumerRecord<String, SlaEvent>> records) {
    applyPoll(records);
  }

  @Override
  protected Optional<SlaMeasurement> read(SlaEvent value) {
    return SlaEventMapping.toMeasurement(value);
  }

  @Override
  protected void applyAll(List<SlaMeasurement> events) {
    ledger.applyAll(events);
  }
}
