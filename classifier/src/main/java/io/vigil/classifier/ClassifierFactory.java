package io.vigil.classifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.vigil.classifier.maintenance.HeldAlertListener;
import io.vigil.classifier.routing.CopartitionCheck;
import io.vigil.classifier.storage.BoundedMemoryRocksDbConfig;
import io.vigil.config.Durations;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Hands the classifier's topology, reading the live configuration per record, to the shared runtime
 * (once the command and incident topics are checked to be co-partitioned), with its RocksDB stores
 * sharing one bounded block cache and write-buffer budget, and counts alerts held by maintenance
 * windows per service on {@code /prometheus}.
 */
@Factory
public class ClassifierFactory {

  /** Counter of alerts held by maintenance windows, tagged {@code service}. */
  public static final String HELD_METER = "vigil.classifier.maintenance.held";

  @Singleton
  ClassifierOptions classifierOptions(
      @Value("${vigil.classifier.closed-retention:7d}") String retention,
      @Value("${vigil.classifier.sweep-interval:1s}") String sweep,
      @Value("${vigil.classifier.partitions:3}") int partitions,
      @Value("${vigil.classifier.command-wait:10s}") String commandWait,
      @Value("${vigil.classifier.count-interval:10s}") String countInterval) {
    return new ClassifierOptions(
        Durations.parse(retention),
        Durations.parse(sweep),
        partitions,
        Durations.parse(commandWait),
        Durations.parse(countInterval));
  }

  @Singleton
  StreamsTopology classifierTopology(
      LiveConfig config,
      SchemaRegistryClient registry,
      ClassifierOptions options,
      MeterRegistry meters,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      Environment environment) {
    Map<String, Object> client = new HashMap<>(KafkaClientSettings.from(environment));
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    CopartitionCheck.verify(client, Duration.ofSeconds(10));
    HeldAlertListener held = service -> meters.counter(HELD_METER, "service", service).increment();
    return new StreamsTopology(
        IncidentTopology.APPLICATION_ID,
        IncidentTopology.build(config, registry, options, held),
        Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class));
  }
}
