package io.vigil.ticketstore.command;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import io.vigil.schemas.IncidentEvent;
import io.vigil.ticketstore.feed.DeadLetterRouting;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Learns each command's answer from {@code vigil.incidents.v1} in its own consumer group (the
 * ticket listener is untouched): an event carrying the command id applied it, a {@code
 * CommandRejected} rejected it.
 */
@KafkaListener(
    groupId = "vigil-ticket-store-command-outcomes",
    clientId = "ticket-store-command-outcomes",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryDelay = "500ms",
            retryCount = 8,
            exceptionTypes = StoreUnavailableException.class),
    properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
public class CommandOutcomeListener implements KafkaListenerExceptionHandler {

  private final CommandLog commands;
  private final DeadLetterRouting deadLetters;

  public CommandOutcomeListener(CommandLog commands, DeadLetterRouting deadLetters) {
    this.commands = commands;
    this.deadLetters = deadLetters;
  }

  @Topic("vigil.incidents.v1")
  void receive(ConsumerRecord<String, IncidentEvent> record) {
    CommandOutcome.of(record.value()).ifPresent(commands::answered);
  }

  @Override
  public void handle(KafkaListenerException exception) {
    // The ticket listener dead-letters unreadable records of this topic already; only a record
    // this listener read but could not apply is sent on, so nothing is dead-lettered twice.
    if (!(exception.getCause() instanceof RecordDeserializationException)) {
      deadLetters.handle(exception);
    }
  }
}
