package io.vigil.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vigil.config.Durations;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.runtime.streams.StreamsTopology;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Hands the escalation topology, reading the live configuration at each decision, to the shared
 * runtime (unless {@code vigil.streams.enabled} is false, e.g. to serve only the on-call API).
 */
@Factory
public class EscalationFactory {

  @Singleton
  @Requires(property = "vigil.streams.enabled", notEquals = "false")
  StreamsTopology escalationTopology(
      LiveConfig config,
      SchemaRegistryClient registry,
      MeterRegistry meters,
      @Value("${vigil.escalation.tick}") String tick,
      @Value("${vigil.escalation.max-fires-per-tick}") int maxFiresPerTick,
      @Value("${vigil.escalation.closed-retention}") String closedRetention,
      @Value("${vigil.escalation.summary-grace}") String summaryGrace,
      @Value("${vigil.escalation.summary-tick}") String summaryTick) {
    EscalationOptions options =
        new EscalationOptions(
            duration("vigil.escalation.tick", tick),
            maxFiresPerTick,
            duration("vigil.escalation.closed-retention", closedRetention),
            duration("vigil.escalation.summary-grace", summaryGrace),
            duration("vigil.escalation.summary-tick", summaryTick));
    return new StreamsTopology(
        EscalationTopology.APPLICATION_ID,
        EscalationTopology.build(config, registry, meters, options));
  }

  private static Duration duration(String property, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }
}
