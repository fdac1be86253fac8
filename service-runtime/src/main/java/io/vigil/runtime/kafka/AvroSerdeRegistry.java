package io.vigil.runtime.kafka;

import io.micronaut.configuration.kafka.serde.SerdeRegistry;
import io.micronaut.core.order.Ordered;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Tells micronaut-kafka that every generated Avro type travels in the Confluent wire format through
 * Vigil's serde, ahead of its JSON default.
 */
@Singleton
public class AvroSerdeRegistry implements SerdeRegistry {

  private final SchemaRegistryClient registry;

  public AvroSerdeRegistry(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> Serde<T> getSerde(Class<T> type) {
    if (SpecificRecord.class.isAssignableFrom(type)) {
      return (Serde<T>) new AvroSerde(registry, false);
    }
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
