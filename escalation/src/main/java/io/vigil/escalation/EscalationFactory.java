package io.vigil.escalation;

import io.micronaut.context.annotation.Factory;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;

/** Hands the escalation topology, built from the configuration, to the shared runtime. */
@Factory
public class EscalationFactory {

  @Singleton
  StreamsTopology escalationTopology(VigilConfig config, SchemaRegistryClient registry) {
    return new StreamsTopology(
        EscalationTopology.APPLICATION_ID, EscalationTopology.build(config, registry));
  }
}
