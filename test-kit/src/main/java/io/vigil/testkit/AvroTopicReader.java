package io.vigil.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A test waits for a condition on what a topic holds, never for a fixed time: the reader reads
 * every partition from the beginning, and a wait that times out fails with every record it received
 * (and every record it could not decode).
 *
 * @param <V> the topic's Avro value type
 */
public final class AvroTopicReader<V extends SpecificRecord> implements AutoCloseable {

  /** How long an await without an explicit timeout waits. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final int LISTED_IN_FAILURE = 50;

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<V> values;
  private final List<ConsumerRecord<String, V>> received = new ArrayList<>();
  private final List<String> undecodable = new ArrayList<>();

  AvroTopicReader(String topic, String bootstrapServers, Deserializer<V> values) {
    this.topic = topic;
    this.values = values;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, DEFAULT_TIMEOUT).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} holds for everything received.
   *
   * @param description what is awaited, for the failure message
   * @return everything received when it held
   * @throws AssertionError listing what was received when it never held
   */
  public List<ConsumerRecord<String, V>> await(
      String description, Predicate<List<ConsumerRecord<String, V>>> condition) {
    return await(description, condition, DEFAULT_TIMEOUT);
  }

  /** As {@link #await(String, Predicate)}, waiting up to {@code timeout}. */
  public List<ConsumerRecord<String, V>> await(
      String description, Predicate<List<ConsumerRecord<String, V>>> condition, Duration timeout) {
    try {
      Awaitility.await(description)
          .atMost(timeout)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                pollOnce();
                return condition.test(List.copyOf(received));
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(failureMessage(description, timeout), e);
    }
    return List.copyOf(received);
  }

  /** Waits for the first value matching {@code match} and returns it. */
  public V awaitValue(String description, Predicate<V> match) {
    List<ConsumerRecord<String, V>> all =
        await(description, records -> records.stream().anyMatch(r -> match.test(r.value())));
    return all.stream().map(ConsumerRecord::value).filter(match).findFirst().orElseThrow();
  }

  /** Waits for the first record with {@code key} and returns its value. */
  public V awaitKey(String key) {
    Predicate<ConsumerRecord<String, V>> hasKey = r -> key.equals(r.key());
    List<ConsumerRecord<String, V>> all =
        await("a record with key " + key, records -> records.stream().anyMatch(hasKey));
    return all.stream().filter(hasKey).findFirst().orElseThrow().value();
  }

  /** Waits until at least {@code count} records were received and returns them all. */
  public List<ConsumerRecord<String, V>> awaitCount(int count) {
    return await("at least " + count + " records", records -> records.size() >= count);
  }

  /** Polls once and returns everything received so far, oldest first per partition. */
  public List<ConsumerRecord<String, V>> received() {
    pollOnce();
    return List.copyOf(received);
  }

  /** The values received so far. */
  public List<V> values() {
    return received().stream().map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  private void pollOnce() {
    for (ConsumerRecord<String, byte[]> raw : consumer.poll(Duration.ofMillis(100))) {
      try {
        V value = values.deserialize(raw.topic(), raw.headers(), raw.value());
        received.add(
            new ConsumerRecord<>(
                raw.topic(),
                raw.partition(),
                raw.offset(),
                raw.timestamp(),
                raw.timestampType(),
                raw.serializedKeySize(),
                raw.serializedValueSize(),
                raw.key(),
                value,
                raw.headers(),
                raw.leaderEpoch()));
      } catch (RuntimeException e) {
        undecodable.add(where(raw.partition(), raw.offset(), raw.key()) + ": " + e.getMessage());
      }
    }
  }

  private String failureMessage(String description, Duration timeout) {
    StringBuilder message =
        new StringBuilder("Timed out after ")
            .append(timeout.toSeconds())
            .append(" s waiting on topic ")
            .append(topic)
            .append(" for: ")
            .append(description)
            .append(". Received ")
            .append(received.size())
            .append(" record(s)");
    int skipped = Math.max(0, received.size() - LISTED_IN_FAILURE);
    message.append(skipped > 0 ? " (the last " + LISTED_IN_FAILURE + " shown):" : ":");
    received.stream()
        .skip(skipped)
        .forEach(
            r ->
                message
                    .append("\n  ")
                    .append(where(r.partition(), r.offset(), r.key()))
                    .append(" ")
                    .append(r.value()));
    if (!undecodable.isEmpty()) {
      message
          .append("\nCould not decode ")
          .append(undecodable.size())
          .append(" record(s):\n  ")
          .append(undecodable.stream().collect(Collectors.joining("\n  ")));
    }
    return message.toString();
  }

  private static String where(int partition, long offset, String key) {
    return "p" + partition + "@" + offset + " key=" + Optional.ofNullable(key).orElse("null");
  }
}
