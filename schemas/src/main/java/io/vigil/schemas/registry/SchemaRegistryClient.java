package io.vigil.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serde needs: register a schema under a subject
 * and find a schema by its global id. Implementations cache both directions.
 */
public interface SchemaRegistryClient {

  /**
   * Registers (or finds, if already registered) {@code schema} under {@code subject}.
   *
   * @return the schema's global id
   * @throws SchemaRegistryException when the registry refuses it (e.g. incompatible)
   */
  int register(String subject, Schema schema);

  /**
   * Looks up the id {@code schema} already has under {@code subject}, without registering.
   *
   * @throws SchemaRegistryException with status 404 when it is not registered
   */
  int idOf(String subject, Schema schema);

  /**
   * The schema with that global id.
   *
   * @throws SchemaRegistryException with status 404 when the id is unknown
   */
  Schema schemaById(int id);
}
