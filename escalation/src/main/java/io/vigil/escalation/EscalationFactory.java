package io.vigil.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;

/**
 * Hands the escalation topology, built from the configuration, to the shared runtime (unless {@code
 * vigil.streams.enabled} is false, e.g. to serve only the on-call API).
 */
@Factory
public class EscalationFactory {

  @Singleton
  @Requires(property = "vigil.streams.enabled", notEquals = "false")
  StreamsTopology escalationTopology(
      VigilConfig config, SchemaRegistryClient registry, MeterRegistry meters) {
    return new StreamsTopology(
        EscalationTopology.APPLICATION_ID, EscalationTopology.build(config, registry, meters));
  }
}
