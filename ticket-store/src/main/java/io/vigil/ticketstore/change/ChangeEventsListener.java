package io.vigil.ticketstore.change;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import io.vigil.schemas.ChangeEvent;
import io.vigil.ticketstore.feed.DeadLetterRouting;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.changes.v1} (deploys and other changes to a
 * service), retrying while the database is unavailable and dead-lettering what cannot be applied.
 */
@KafkaListener(
    groupId = "vigil-ticket-store-changes",
    clientId = "ticket-store-changes",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryDelay = "500ms",
            retryCount = 8,
            exceptionTypes = StoreUnavailableException.class),
    properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
public class ChangeEventsListener implements KafkaListenerExceptionHandler {

  private final ServiceChanges changes;
  private final DeadLetterRouting deadLetters;

  public ChangeEventsListener(ServiceChanges changes, DeadLetterRouting deadLetters) {
    this.changes = changes;
    this.deadLetters = deadLetters;
  }

  @Topic("vigil.changes.v1")
  void receive(ConsumerRecord<String, ChangeEvent> record) {
    changes.apply(ChangeEventMapping.toChange(record.value()));
  }

  @Override
  public void handle(KafkaListenerException exception) {
    deadLetters.handle(exception);
  }
}
