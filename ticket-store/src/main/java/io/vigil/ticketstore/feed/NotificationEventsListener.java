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
import io.vigil.schemas.NotificationEvent;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import io.vigil.ticketstore.ticket.TicketLedger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.notifications.v1} (one delivery attempt and its
 * result) to the tickets, retrying while the database is unavailable and dead-lettering what cannot
 * be applied.
 */
@KafkaListener(
    groupId = "vigil-ticket-store-notifications",
    clientId = "ticket-store-notifications",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryDelay = "500ms",
            retryCount = 8,
            exceptionTypes = StoreUnavailableException.class),
    properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
public class NotificationEventsListener implements KafkaListenerExceptionHandler {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code
   * Topics.NOTIFICATIONS}.
   */
  static final String TOPIC = "vigil.notifications.v1";

  private final TicketLedger ledger;
  private final DeadLetterRouting deadLetters;

  public NotificationEventsListener(TicketLedger ledger, DeadLetterRouting deadLetters) {
    this.ledger = ledger;
    this.deadLetters = deadLetters;
  }

  @Topic(TOPIC)
  void receive(ConsumerRecord<String, NotificationEvent> record) {
    ledger.apply(NotificationEventMapping.toTicketEvent(record.value()));
  }

  @Override
  public void handle(KafkaListenerException exception) {
    deadLetters.handle(exception);
  }
}
