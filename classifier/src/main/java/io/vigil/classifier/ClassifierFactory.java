package io.vigil.classifier;

import io.micronaut.context.annotation.Factory;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;

/** Hands the classifier's topology, built from the configuration, to the shared runtime. */
@Factory
public class ClassifierFactory {

  @Singleton
  StreamsTopology classifierTopology(VigilConfig config, SchemaRegistryClient registry) {
    return new StreamsTopology(
        IncidentTopology.APPLICATION_ID, IncidentTopology.build(config, registry));
  }
}
