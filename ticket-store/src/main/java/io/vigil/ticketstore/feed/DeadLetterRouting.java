package io.vigil.ticketstore.feed;

import io.micronaut.context.BeanProvider;
import io.vigil.runtime.kafka.DeadLetters;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerializer;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record the listeners could not apply — unreadable bytes, an event of unknown shape, or
 * one the database kept refusing after the retries — to the dead-letter topic, so consumption moves
 * on and nothing is silently dropped.
 */
@Singleton
public class DeadLetterRouting implements DeadLetterSink {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouting.class);

  private final BeanProvider<DeadLetters> deadLetters;
  private final AvroSerializer<SpecificRecord> serializer;

  public DeadLetterRouting(BeanProvider<DeadLetters> deadLetters, SchemaRegistryClient registry) {
    this.deadLetters = deadLetters;
    this.serializer = new AvroSerializer<>(registry, false);
  }

  @Override
  public void unreadable(RecordDeserializationException unreadable) {
    // Kafka's own message only says where; the deserializer's says why.
    Throwable reason = unreadable.getCause() == null ? unreadable : unreadable.getCause();
    try {
      deadLetters
          .get()
          .publish(
              unreadable.topicPartition().topic(),
              unreadable.topicPartition().partition(),
              unreadable.offset(),
              bytes(unreadable.keyBuffer()),
              bytes(unreadable.valueBuffer()),
              reason);
    } catch (RuntimeException e) {
      skipped(reason, e);
    }
  }

  @Override
  public void failed(ConsumerRecord<?, ?> record, Throwable reason) {
    try {
      deadLetters
          .get()
          .publish(
              record.topic(),
              record.partition(),
              record.offset(),
              record.key() == null
                  ? null
                  : record.key().toString().getBytes(StandardCharsets.UTF_8),
              record.value() instanceof SpecificRecord value
                  ? serializer.serialize(record.topic(), value)
                  : null,
              reason);
    } catch (RuntimeException e) {
      skipped(reason, e);
    }
  }

  private static void skipped(Throwable reason, RuntimeException e) {
    LOG.error(
        "cannot dead-letter a failed record ({}); it is skipped: {}",
        reason.getMessage(),
        e.getMessage(),
        e);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
