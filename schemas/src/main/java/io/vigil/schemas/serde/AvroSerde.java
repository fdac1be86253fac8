package io.vigil.schemas.serde;

import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.topic.Topic;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka {@link Serde} of Vigil's Avro values in the Confluent wire format.
 *
 * @param <T> the generated record type
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  public AvroSerde(SchemaRegistryClient registry, boolean isKey) {
    this.serializer = new AvroSerializer<>(registry, isKey);
    this.deserializer = new AvroDeserializer<>(registry);
  }

  /** A value serde for {@code topic}'s value type. */
  public static <V extends SpecificRecord> AvroSerde<V> forValues(
      Topic<V> topic, SchemaRegistryClient registry) {
    return new AvroSerde<>(registry, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
