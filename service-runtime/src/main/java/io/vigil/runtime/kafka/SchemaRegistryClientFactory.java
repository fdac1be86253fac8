package io.vigil.runtime.kafka;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.registry.SchemaRegistryClient;
import jakarta.inject.Singleton;

/** One caching schema-registry client per service, pointed at {@code vigil.schema-registry-url}. */
@Factory
public class SchemaRegistryClientFactory {

  @Singleton
  SchemaRegistryClient schemaRegistryClient(@Value("${vigil.schema-registry-url}") String url) {
    return new HttpSchemaRegistryClient(url);
  }
}
