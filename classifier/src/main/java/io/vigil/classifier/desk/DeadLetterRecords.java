package io.vigil.classifier.desk;

import io.vigil.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A record the classifier cannot use becomes a dead letter naming where it came from (topic,
 * partition, offset) and why, so an operator can fix and replay it; processing goes on.
 */
public final class DeadLetterRecords {

  private DeadLetterRecords() {}

  /** The dead letter for the record being processed in {@code context}. */
  public static DeadLetter of(
      ProcessorContext<?, ?> context,
      String application,
      String fallbackTopic,
      String key,
      byte[] value,
      String reason,
      Throwable error) {
    Optional<RecordMetadata> origin = context.recordMetadata();
    return DeadLetter.newBuilder()
        .setOriginTopic(origin.map(RecordMetadata::topic).orElse(fallbackTopic))
        .setOriginPartition(origin.map(RecordMetadata::partition).orElse(-1))
        .setOriginOffset(origin.map(RecordMetadata::offset).orElse(-1L))
        .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
        .setValue(value == null ? null : ByteBuffer.wrap(value))
        .setReason(reason)
        .setErrorClass(error == null ? null : error.getClass().getName())
        .setApplication(application)
        .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }
}
