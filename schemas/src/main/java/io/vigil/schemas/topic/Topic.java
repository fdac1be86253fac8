package io.vigil.schemas.topic;

import io.vigil.schemas.serde.TrustedSchemas;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic of Vigil's contract: its name, its key type (always a string) and the Avro record
 * type of its values; immutable.
 *
 * @param name the topic name, e.g. {@code vigil.alerts.v1}
 * @param valueType the generated Avro class of its values
 * @param writer the one service allowed to write it
 * @param compacted whether the topic is log-compacted (latest value per key is the state)
 * @param keyDescription what the string key holds
 * @param <V> the value type
 */
public record Topic<V extends SpecificRecord>(
    String name, Class<V> valueType, String writer, boolean compacted, String keyDescription) {

  static {
    TrustedSchemas.ensure();
  }

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(keyDescription, "keyDescription");
    if (!name.matches("[a-z0-9._-]+")) {
      throw new IllegalArgumentException("topic name must be lower-case dotted: " + name);
    }
  }

  /** Keys are always strings in Vigil. */
  public Class<String> keyType() {
    return String.class;
  }

  /** The Avro schema of this topic's values. */
  public Schema valueSchema() {
    return SpecificData.get().getSchema(valueType);
  }

  /** The registry subject of the value schema under the topic-name strategy. */
  public String valueSubject() {
    return name + "-value";
  }

  @Override
  public String toString() {
    return name;
  }
}
