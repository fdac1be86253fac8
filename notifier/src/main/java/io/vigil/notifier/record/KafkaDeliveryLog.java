package io.vigil.notifier.record;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.notifier.page.DeliveryLog;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroDeserializer;
import io.vigil.schemas.topic.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the latest state of every attempt recorded on {@code vigil.notifications.v1} within the
 * history window: on start it replays the topic from that far back (before any step is handed
 * over), then adds each state once Kafka acknowledged it ({@code acks=all}).
 */
@Singleton
public class KafkaDeliveryLog implements DeliveryLog {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaDeliveryLog.class);

  private final NotificationProducer producer;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Delivery> states = new ConcurrentHashMap<>();
  private final Map<String, Object> clientSettings;
  private final MeterRegistry meters;

  public KafkaDeliveryLog(
      NotificationProducer producer,
      SchemaRegistryClient registry,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${vigil.notifier.history-load-timeout:60s}") Duration loadTimeout,
      @Value("${vigil.notifier.history-window:7d}") Duration window,
      Environment environment,
      MeterRegistry meters) {
    this.producer = producer;
    this.meters = meters;
    this.clientSettings = KafkaClientSettings.from(environment);
    load(bootstrapServers, registry, loadTimeout, window);
  }

  @Override
  public Optional<Delivery> state(String attemptId) {
    return Optional.ofNullable(states.get(attemptId));
  }

  @Override
  public void record(Attempt attempt, Delivery delivery) {
    NotificationEvent event = NotificationEvents.toAvro(attempt, delivery, Instant.now(clock));
    producer.send(Topics.NOTIFICATIONS.name(), attempt.userId(), event);
    meters
        .counter(
            "vigil.notifier.deliveries",
            "channel",
            event.getChannel().name(),
            "outcome",
            event.getOutcome().name())
        .increment();
    states.put(attempt.id(), new Delivery(delivery.outcome(), delivery.tries(), null));
  }

  private Map<String, Object> historyConsumerConfig(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>(clientSettings);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-notifier-history");
    return config;
  }

  private void load(
      String bootstrapServers, SchemaRegistryClient registry, Duration timeout, Duration window) {
    AvroDeserializer<NotificationEvent> values = new AvroDeserializer<>(registry);
    String topic = Topics.NOTIFICATIONS.name();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            historyConsumerConfig(bootstrapServers),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      seekToWindow(consumer, partitions, window, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " to its end within " + timeout + "; is Kafka up?");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          try {
            NotificationEvent e = values.deserialize(topic, r.value());
            states.put(e.getAttemptId(), NotificationEvents.stateOf(e));
          } catch (RuntimeException e) {
            LOG.warn("skipping unreadable {}-{}@{}: {}", topic, r.partition(), r.offset(), e);
          }
        }
      }
    }
    LOG.info("{} attempts recorded on {} in the last {}", states.size(), topic, window);
  }

  private void seekToWindow(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Duration window,
      Duration timeout) {
    long since = clock.millis() - window.toMillis();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, since));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = found.get(p);
      consumer.seek(p, at == null ? end.get(p) : at.offset());
    }
  }

  private static boolean caughtUp(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
