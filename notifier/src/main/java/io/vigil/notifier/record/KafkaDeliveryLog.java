package io.vigil.notifier.record;

import io.micronaut.context.annotation.Value;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.notifier.page.DeliveryLog;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroDeserializer;
import io.vigil.schemas.topic.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers every attempt recorded on {@code vigil.notifications.v1}: on start it reads the topic
 * from the beginning (before the listener takes any escalation), then adds each result once Kafka
 * acknowledged it.
 */
@Singleton
public class KafkaDeliveryLog implements DeliveryLog {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaDeliveryLog.class);

  private final NotificationProducer producer;
  private final Clock clock;
  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  public KafkaDeliveryLog(
      NotificationProducer producer,
      SchemaRegistryClient registry,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${vigil.notifier.history-load-timeout:60s}") Duration loadTimeout) {
    this.producer = producer;
    this.clock = Clock.systemUTC();
    load(bootstrapServers, registry, loadTimeout);
  }

  @Override
  public boolean isRecorded(String attemptId) {
    return recorded.contains(attemptId);
  }

  @Override
  public void record(Attempt attempt, Delivery delivery) {
    NotificationEvent event = NotificationEvents.toAvro(attempt, delivery, Instant.now(clock));
    producer.send(Topics.NOTIFICATIONS.name(), attempt.userId(), event);
    recorded.add(attempt.id());
  }

  private void load(String bootstrapServers, SchemaRegistryClient registry, Duration timeout) {
    AvroDeserializer<NotificationEvent> values = new AvroDeserializer<>(registry);
    String topic = Topics.NOTIFICATIONS.name();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "vigil-notifier-history"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " to its end within " + timeout + "; is Kafka up?");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          try {
            recorded.add(values.deserialize(topic, r.value()).getAttemptId());
          } catch (RuntimeException e) {
            LOG.warn("skipping unreadable {}-{}@{}: {}", topic, r.partition(), r.offset(), e);
          }
        }
      }
    }
    LOG.info("{} attempts already recorded on {}", recorded.size(), topic);
  }

  private static boolean caughtUp(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
