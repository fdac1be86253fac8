package io.vigil.registry;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * Where the registry's state lives: a write returns only once the change is durable (for the
 * store's idea of durable) and visible to the next read. Rules (ids, versions, compatibility) are
 * {@link SchemaRegistry}'s; the store only keeps what it is told.
 */
public interface SchemaStore extends AutoCloseable {

  /** Every version ever written under {@code subject}, soft-deleted ones included, oldest first. */
  List<SchemaVersion> versions(String subject);

  /** Every subject with at least one version, soft-deleted ones included, sorted. */
  SortedSet<String> subjects();

  /** The schema text with that global id. */
  Optional<String> schemaById(int id);

  /** The global id of that exact (normalised) schema text, under any subject. */
  OptionalInt idOf(String schema);

  /** Every subject version holding that id, soft-deleted ones included. */
  List<SchemaVersion> versionsWithId(int id);

  /** The highest id handed out so far, 0 when none. */
  int maxId();

  /** The compatibility level set for {@code subject}, or the global one when it is null. */
  Optional<Compatibility> compatibility(String subject);

  /** Adds a version or replaces it (same subject and version), e.g. to soft-delete it. */
  void put(SchemaVersion version);

  /** Sets the level of {@code subject}, or the global one when it is null. */
  void putCompatibility(String subject, Compatibility level);

  /** Removes the subject-level setting, so the subject follows the global level again. */
  void removeCompatibility(String subject);

  /** Releases the store's resources; the in-memory store has none. */
  @Override
  void close();
}
