package io.vigil.runtime.kafka;

import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerializer;
import io.vigil.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a record this service cannot process on {@code vigil.dead-letters.v1}, with its origin and
 * the reason, so it is kept for a human instead of blocking the partition.
 */
public final class DeadLetters implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final String application;
  private final KafkaProducer<String, DeadLetter> producer;

  public DeadLetters(String application, String bootstrapServers, SchemaRegistryClient registry) {
    this(application, bootstrapServers, registry, Map.of());
  }

  /**
   * A dead-letter publisher whose producer also gets {@code clientSettings} (security and the like,
   * see {@link KafkaClientSettings}).
   */
  public DeadLetters(
      String application,
      String bootstrapServers,
      SchemaRegistryClient registry,
      Map<String, Object> clientSettings) {
    this.application = application;
    Map<String, Object> config = new HashMap<>(clientSettings);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
    this.producer =
        new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer<>(registry, false));
  }

  /** Publishes the failed record and waits for the broker to take it. */
  public void publish(
      String topic, int partition, long offset, byte[] key, byte[] value, Throwable reason) {
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setOriginTopic(topic)
            .setOriginPartition(partition)
            .setOriginOffset(offset)
            .setKey(key == null ? null : ByteBuffer.wrap(key))
            .setValue(value == null ? null : ByteBuffer.wrap(value))
            .setReason(String.valueOf(reason.getMessage()))
            .setErrorClass(reason.getClass().getName())
            .setApplication(application)
            .setFailedAt(Instant.now())
            .build();
    String originalKey = key == null ? null : new String(key, StandardCharsets.UTF_8);
    LOG.warn("dead-lettering {}-{}@{}: {}", topic, partition, offset, reason.getMessage());
    try {
      producer
          .send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), originalKey, letter))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dead-lettering", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot dead-letter " + topic + "-" + partition + "@" + offset, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
