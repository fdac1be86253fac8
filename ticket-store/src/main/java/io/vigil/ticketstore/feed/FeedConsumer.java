package io.vigil.ticketstore.feed;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.AliasFor;
import io.micronaut.context.annotation.Property;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Every consumer of the ticket store reads the same way: from the earliest offset, only committed
 * records ({@code read_committed}), a whole poll at a time (batch), offsets committed after the
 * poll is applied, and a poll the database refused retried with exponential backoff ({@code
 * vigil.feeds.retry-delay}, default 500 ms, {@code vigil.feeds.retry-count} times, default 8); only
 * the consumer group and client id differ.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    batch = true,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryDelay = "${vigil.feeds.retry-delay:500ms}",
            retryCountValue = "${vigil.feeds.retry-count:8}",
            exceptionTypes = StoreUnavailableException.class),
    properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
public @interface FeedConsumer {

  /** The consumer group, e.g. {@code vigil-ticket-store-incidents}; the deploy ACLs name it. */
  @AliasFor(annotation = KafkaListener.class, member = "groupId")
  String groupId();

  /** The client id, e.g. {@code ticket-store-incidents}. */
  @AliasFor(annotation = KafkaListener.class, member = "clientId")
  String clientId();
}
