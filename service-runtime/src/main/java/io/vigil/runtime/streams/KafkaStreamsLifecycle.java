package io.vigil.runtime.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.schemas.serde.AvroSerdeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service's topology with Vigil's fixed guarantees — exactly-once v2, dead-lettering of
 * unreadable records, state under {@code vigil.streams.state-dir} — from start-up to shutdown.
 */
@Singleton
@Requires(beans = StreamsTopology.class)
public class KafkaStreamsLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamsLifecycle.class);

  private final KafkaStreams streams;
  private final StreamsTopology definition;
  private KafkaStreamsMetrics metrics;

  public KafkaStreamsLifecycle(
      StreamsTopology definition,
      StreamsSettings settings,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${vigil.schema-registry-url}") String schemaRegistryUrl,
      Environment environment) {
    this.definition = definition;
    Properties props = properties(definition, settings, bootstrapServers, schemaRegistryUrl);
    // Security and other shared connection settings under kafka.*, as micronaut-kafka's clients
    // get.
    KafkaClientSettings.from(environment).forEach(props::putIfAbsent);
    this.streams = new KafkaStreams(definition.topology(), props);
    streams.setStateListener(
        (now, before) -> LOG.info("{}: {} -> {}", definition.applicationId(), before, now));
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("{}: stream thread failed, replacing it", definition.applicationId(), e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  /** The client's properties: Vigil's fixed guarantees, then the topology's own overrides. */
  static Properties properties(
      StreamsTopology definition,
      StreamsSettings settings,
      String bootstrapServers,
      String schemaRegistryUrl) {
    Map<String, Object> p = new HashMap<>();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, definition.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.getCommitIntervalMs());
    p.put(StreamsConfig.POLL_MS_CONFIG, settings.getPollMs());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.getReplicationFactor());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.getStandbyReplicas());
    p.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Path.of(settings.getStateDir()).toAbsolutePath().toString());
    p.put(
        StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    p.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        settings.getFetchMaxWaitMs());
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        settings.getSessionTimeoutMs());
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
        Math.max(1_000, settings.getSessionTimeoutMs() / 3));
    if (!settings.getInstanceId().isEmpty()) {
      // Kafka Streams appends each stream thread's index to it.
      p.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          settings.getInstanceId());
    }
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 5);
    p.putAll(definition.overrides());
    Properties props = new Properties();
    props.putAll(p);
    return props;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    LOG.info("starting Kafka Streams application {}", definition.applicationId());
    streams.start();
  }

  /** Binds the client's metrics to the service's Prometheus registry. */
  @EventListener
  void bindMetrics(StartupEvent event) {
    event
        .getSource()
        .findBean(MeterRegistry.class)
        .ifPresent(
            registry -> {
              metrics = new KafkaStreamsMetrics(streams);
              metrics.bindTo(registry);
            });
  }

  /** The running client, for health and interactive queries. */
  public KafkaStreams streams() {
    return streams;
  }

  @PreDestroy
  void close() {
    LOG.info("closing Kafka Streams application {}", definition.applicationId());
    if (metrics != null) {
      metrics.close();
    }
    streams.close(Duration.ofSeconds(20));
  }
}
