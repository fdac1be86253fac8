package io.vigil.ticketstore.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.vigil.runtime.config.ConfigPublisher;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerializer;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The ticket store is the one writer of {@code vigil.config.v1}; every instance shares one
 * transactional id, so two administrators' changes are written one after the other, never
 * interleaved.
 */
@Factory
@Requires(property = "kafka.enabled", notEquals = "false")
public class ConfigPublisherFactory {

  @Singleton
  ConfigPublisher configPublisher(
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${vigil.config.transactional-id:vigil-ticket-store-config}") String transactionalId,
      @Value("${vigil.config.topic:vigil.config.v1}") String topic,
      Environment environment,
      SchemaRegistryClient registry) {
    Map<String, Object> producer = new HashMap<>(KafkaClientSettings.from(environment));
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-ticket-store-config");
    return new ConfigPublisher(topic, producer, new AvroSerializer<>(registry, false));
  }
}
