package io.vigil.runtime.streams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * The service is healthy while its Kafka Streams client is running or rebalancing, and down when it
 * has failed or is shutting down.
 */
@Singleton
@Requires(beans = KafkaStreamsLifecycle.class)
public class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final KafkaStreamsLifecycle lifecycle;

  public KafkaStreamsHealthIndicator(KafkaStreamsLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    KafkaStreams.State state = lifecycle.streams().state();
    HealthStatus status =
        switch (state) {
          case RUNNING, REBALANCING -> HealthStatus.UP;
          case CREATED -> HealthStatus.UNKNOWN;
          default -> HealthStatus.DOWN;
        };
    return Publishers.just(
        HealthResult.builder("kafkaStreams", status)
            .details(Map.of("state", state.name()))
            .build());
  }
}
