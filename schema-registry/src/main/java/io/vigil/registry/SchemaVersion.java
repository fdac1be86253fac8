package io.vigil.registry;

import java.util.Objects;

/**
 * One version of one subject: which global schema id it holds and whether it was soft-deleted;
 * versions start at 1 and ids at 1.
 *
 * @param subject the subject, e.g. {@code vigil.alerts.v1-value}
 * @param version the version under the subject, from 1
 * @param id the global schema id, shared by every subject holding the same schema text
 * @param schema the schema in Avro's normalised JSON form ({@code Schema.toString()})
 * @param deleted whether the version was soft-deleted
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

  public SchemaVersion {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
    if (id < 1) {
      throw new IllegalArgumentException("id must be at least 1, got " + id);
    }
  }

  /** The same version, soft-deleted. */
  public SchemaVersion asDeleted() {
    return new SchemaVersion(subject, version, id, schema, true);
  }
}
