package io.vigil.ticketstore.sla;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import io.vigil.schemas.SlaEvent;
import io.vigil.ticketstore.feed.DeadLetterRouting;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.sla.v1} (response times and breaches), retrying
 * while the database is unavailable and dead-lettering what cannot be applied.
 */
@KafkaListener(
    groupId = "vigil-ticket-store-sla",
    clientId = "ticket-store-sla",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryDelay = "500ms",
            retryCount = 8,
            exceptionTypes = StoreUnavailableException.class),
    properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
public class SlaEventsListener implements KafkaListenerExceptionHandler {

  private final SlaLedger ledger;
  private final DeadLetterRouting deadLetters;

  public SlaEventsListener(SlaLedger ledger, DeadLetterRouting deadLetters) {
    this.ledger = ledger;
    this.deadLetters = deadLetters;
  }

  @Topic("vigil.sla.v1")
  void receive(ConsumerRecord<String, SlaEvent> record) {
    SlaEventMapping.toMeasurement(record.value()).ifPresent(ledger::apply);
  }

  @Override
  public void handle(KafkaListenerException exception) {
    deadLetters.handle(exception);
  }
}
