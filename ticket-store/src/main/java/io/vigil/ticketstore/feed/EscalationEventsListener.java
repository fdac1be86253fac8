package io.vigil.ticketstore.feed;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import io.vigil.schemas.EscalationEvent;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import io.vigil.ticketstore.ticket.TicketLedger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.escalations.v1} (who was paged, skipped or stopped
 * being paged) to the tickets, retrying while the database is unavailable and dead-lettering what
 * cannot be applied.
 */
@KafkaListener(
    groupId = "vigil-ticket-store-escalations",
    clientId = "ticket-store-escalations",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryDelay = "500ms",
            retryCount = 8,
            exceptionTypes = StoreUnavailableException.class),
    properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
public class EscalationEventsListener implements KafkaListenerExceptionHandler {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code
   * Topics.ESCALATIONS}.
   */
  static final String TOPIC = "vigil.escalations.v1";

  private final TicketLedger ledger;
  private final DeadLetterRouting deadLetters;

  public EscalationEventsListener(TicketLedger ledger, DeadLetterRouting deadLetters) {
    this.ledger = ledger;
    this.deadLetters = deadLetters;
  }

  @Topic(TOPIC)
  void receive(ConsumerRecord<String, EscalationEvent> record) {
    ledger.apply(EscalationEventMapping.toTicketEvent(record.value()));
  }

  @Override
  public void handle(KafkaListenerException exception) {
    deadLetters.handle(exception);
  }
}
