package io.vigil.classifier;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.classifier.storage.BoundedMemoryRocksDbConfig;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Hands the classifier's topology, built from the configuration, to the shared runtime, with its
 * RocksDB stores sharing one bounded block cache and write-buffer budget.
 */
@Factory
public class ClassifierFactory {

  @Singleton
  ClassifierOptions classifierOptions(
      @Value("${vigil.classifier.closed-retention:7d}") String retention,
      @Value("${vigil.classifier.sweep-interval:1s}") String sweep,
      @Value("${vigil.classifier.partitions:3}") int partitions) {
    return new ClassifierOptions(
        io.vigil.config.Durations.parse(retention),
        io.vigil.config.Durations.parse(sweep),
        partitions);
  }

  @Singleton
  StreamsTopology classifierTopology(
      VigilConfig config, SchemaRegistryClient registry, ClassifierOptions options) {
    return new StreamsTopology(
        IncidentTopology.APPLICATION_ID,
        IncidentTopology.build(config, registry, options),
        Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class));
  }
}
