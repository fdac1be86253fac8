package io.vigil.notifier.escalation;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.retry.ConditionalRetryBehaviourHandler;
import io.vigil.notifier.page.PageDispatcher;
import io.vigil.runtime.kafka.DeadLetters;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each escalation (committed transactions only) and hands it to {@link PageDispatcher}; the
 * offset is committed only after every result is on Kafka. A record that cannot be read goes to the
 * dead-letter topic at once, one that still fails after three retries (e.g. Kafka unavailable for
 * the results) goes there too, and the consumer moves on.
 */
@KafkaListener(
    groupId = "vigil-notifier",
    offsetReset = OffsetReset.EARLIEST,
    isolation = IsolationLevel.READ_COMMITTED,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_CONDITIONALLY_EXPONENTIALLY_ON_ERROR,
            retryCount = 3,
            retryDelay = "500ms"))
public class EscalationListener
    implements KafkaListenerExceptionHandler, ConditionalRetryBehaviourHandler {

  /** Spelled here because annotations need a constant; a test checks it against Topics. */
  static final String TOPIC = "vigil.escalations.v1";

  private static final Logger LOG = LoggerFactory.getLogger(EscalationListener.class);

  private final PageDispatcher dispatcher;
  private final DeadLetters deadLetters;
  private final AvroSerializer<EscalationEvent> serializer;

  public EscalationListener(
      PageDispatcher dispatcher, DeadLetters deadLetters, SchemaRegistryClient registry) {
    this.dispatcher = dispatcher;
    this.deadLetters = deadLetters;
    this.serializer = new AvroSerializer<>(registry, false);
  }

  @Topic(TOPIC)
  public void receive(ConsumerRecord<String, EscalationEvent> record) {
    EscalationPages.pageOf(record.value()).ifPresent(dispatcher::dispatch);
  }

  /** Retrying cannot make an unreadable record readable; anything else is retried. */
  @Override
  public ConditionalRetryBehaviour conditionalRetryBehaviour(KafkaListenerException exception) {
    return exception.getCause() instanceof RecordDeserializationException
        ? ConditionalRetryBehaviour.SKIP
        : ConditionalRetryBehaviour.RETRY;
  }

  @Override
  public void handle(KafkaListenerException exception) {
    Throwable cause = exception.getCause() == null ? exception : exception.getCause();
    try {
      if (cause instanceof RecordDeserializationException unreadable) {
        deadLetters.publish(
            unreadable.topicPartition().topic(),
            unreadable.topicPartition().partition(),
            unreadable.offset(),
            bytes(unreadable.keyBuffer()),
            bytes(unreadable.valueBuffer()),
            unreadable.getCause() == null ? unreadable : unreadable.getCause());
        return;
      }
      var failed = exception.getConsumerRecord();
      if (failed.isEmpty()) {
        LOG.error("notifier consumer failed outside any record: {}", cause.toString(), cause);
        return;
      }
      ConsumerRecord<?, ?> r = failed.get();
      deadLetters.publish(
          r.topic(),
          r.partition(),
          r.offset(),
          r.key() == null ? null : r.key().toString().getBytes(StandardCharsets.UTF_8),
          r.value() instanceof EscalationEvent e ? serializer.serialize(r.topic(), e) : null,
          cause);
    } catch (RuntimeException e) {
      LOG.error("could not dead-letter a failed record ({}); skipping it", cause, e);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
