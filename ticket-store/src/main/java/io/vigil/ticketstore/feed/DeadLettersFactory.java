package io.vigil.ticketstore.feed;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.vigil.runtime.kafka.DeadLetters;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;

/** One dead-letter producer for the service, created on the first unreadable record. */
@Factory
class DeadLettersFactory {

  @Singleton
  @Bean(preDestroy = "close")
  DeadLetters deadLetters(
      @Value("${micronaut.application.name}") String application,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      SchemaRegistryClient registry,
      Environment environment) {
    return new DeadLetters(
        application, bootstrapServers, registry, KafkaClientSettings.from(environment));
  }
}
