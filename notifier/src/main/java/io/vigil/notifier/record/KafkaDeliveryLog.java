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
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the latest state of every attempt recorded on {@code vigil.notifications.v1} within the
 * history window, by whichever notifier instance: it reads the topic from that far back at start,
 * then follows it; before answering {@link #state} it catches up with everything committed up to
 * the instant asked for (when the step's task came to this instance), so an instance that just took
 * over a task after a rebalance sees what the previous owner recorded. Its own states are added
 * once Kafka acknowledged them ({@code acks=all}); of two states of one attempt the later on the
 * topic wins.
 */
@Singleton
public class KafkaDeliveryLog implements DeliveryLog, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaDeliveryLog.class);

  /** One attempt's latest state, where it is on the topic and when it was recorded. */
  private record Entry(Delivery delivery, int partition, long offset, long atMillis) {

    Entry laterOf(Entry other) {
      return other.partition == partition && other.offset > offset ? other : this;
    }
  }

  private final NotificationProducer producer;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Entry> states = new ConcurrentHashMap<>();
  private final AvroDeserializer<NotificationEvent> values;
  private final MeterRegistry meters;
  private final Duration requestTimeout;
  private final Duration window;
  private final NotificationTail tail;
  private volatile long prunedAtMillis;

  public KafkaDeliveryLog(
      NotificationProducer producer,
      SchemaRegistryClient registry,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${vigil.notifier.history-load-timeout:60s}") Duration loadTimeout,
      @Value("${vigil.notifier.history-window:7d}") Duration window,
      @Value("${vigil.notifier.history-catch-up-timeout:10s}") Duration catchUpTimeout,
      Environment environment,
      MeterRegistry meters) {
    this.producer = producer;
    this.meters = meters;
    this.values = new AvroDeserializer<>(registry);
    this.window = window;
    this.requestTimeout = catchUpTimeout;
    this.prunedAtMillis = clock.millis();
    this.tail =
        new NotificationTail(
            consumer(bootstrapServers, KafkaClientSettings.from(environment)),
            Topics.NOTIFICATIONS.name(),
            clock.millis() - window.toMillis(),
            loadTimeout,
            this::apply);
    LOG.info(
        "{} attempts recorded on {} in the last {}; following it",
        states.size(),
        Topics.NOTIFICATIONS.name(),
        window);
  }

  private static KafkaConsumer<String, byte[]> consumer(
      String bootstrapServers, Map<String, Object> clientSettings) {
    Map<String, Object> config = new HashMap<>(clientSettings);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-notifier-delivery-log");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The latest state of the attempt, after catching up with every state committed on the topic
   * before {@code instant} (by any instance).
   *
   * @throws IllegalStateException when the topic cannot be read that far in time: decide later
   */
  @Override
  public Optional<Delivery> state(String attemptId, long instant) {
    try {
      tail.awaitCaughtUpSince(instant, requestTimeout);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e.getMessage() + "; is Kafka up?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the delivery log", e);
    }
    return Optional.ofNullable(states.get(attemptId)).map(Entry::delivery);
  }

  @Override
  public void record(Attempt attempt, Delivery delivery) {
    NotificationEvent event = NotificationEvents.toAvro(attempt, delivery, Instant.now(clock));
    RecordMetadata at = producer.send(Topics.NOTIFICATIONS.name(), attempt.userId(), event);
    meters
        .counter(
            "vigil.notifier.deliveries",
            "channel",
            event.getChannel().name(),
            "outcome",
            event.getOutcome().name())
        .increment();
    remember(
        attempt.id(),
        new Entry(
            new Delivery(delivery.outcome(), delivery.tries(), null),
            at == null ? -1 : at.partition(),
            at == null ? Long.MAX_VALUE : at.offset(),
            clock.millis()));
  }

  /** A record read from the topic (the tail's thread). */
  private void apply(ConsumerRecord<String, byte[]> r) {
    try {
      NotificationEvent e = values.deserialize(r.topic(), r.value());
      remember(
          e.getAttemptId(),
          new Entry(NotificationEvents.stateOf(e), r.partition(), r.offset(), r.timestamp()));
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e);
    }
    pruneNowAndThen();
  }

  private void remember(String attemptId, Entry entry) {
    states.merge(attemptId, entry, Entry::laterOf);
  }

  /** Forgets attempts recorded longer ago than the window, at most once a minute. */
  private void pruneNowAndThen() {
    long now = clock.millis();
    if (now - prunedAtMillis < 60_000) {
      return;
    }
    prunedAtMillis = now;
    long oldest = now - window.toMillis();
    states.values().removeIf(e -> e.atMillis() < oldest);
  }

  @PreDestroy
  @Override
  public void close() {
    tail.close();
  }
}
