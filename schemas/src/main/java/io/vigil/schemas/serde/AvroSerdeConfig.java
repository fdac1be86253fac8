package io.vigil.schemas.serde;

import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The configuration keys the Avro serde reads, named as Confluent's serde names them. */
public final class AvroSerdeConfig {

  /** Base URL of a Confluent-compatible schema registry, e.g. {@code http://127.0.0.1:8085}. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether the serializer registers a schema it has not seen (default true). */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  private AvroSerdeConfig() {}

  static SchemaRegistryClient clientFrom(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL
              + " is not set: the Avro serde needs a Confluent-compatible schema registry URL");
    }
    return new HttpSchemaRegistryClient(url.toString());
  }

  static boolean autoRegister(Map<String, ?> configs) {
    Object value = configs.get(AUTO_REGISTER_SCHEMAS);
    return value == null || Boolean.parseBoolean(value.toString());
  }
}
