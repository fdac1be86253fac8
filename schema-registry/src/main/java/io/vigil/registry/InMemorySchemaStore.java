package io.vigil.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps the registry's state in this process only: lost when it stops, which is what tests and a
 * throw-away local run want; also the read model behind {@link KafkaSchemaStore}.
 */
public final class InMemorySchemaStore implements SchemaStore {

  private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new HashMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, Compatibility> subjectLevels = new HashMap<>();
  private Compatibility globalLevel;
  private int maxId;

  @Override
  public synchronized List<SchemaVersion> versions(String subject) {
    TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  @Override
  public synchronized SortedSet<String> subjects() {
    return new TreeSet<>(subjects.keySet());
  }

  @Override
  public synchronized Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  @Override
  public synchronized OptionalInt idOf(String schema) {
    Integer id = idsBySchema.get(schema);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public synchronized List<SchemaVersion> versionsWithId(int id) {
    List<SchemaVersion> found = new ArrayList<>();
    for (TreeMap<Integer, SchemaVersion> versions : new TreeMap<>(subjects).values()) {
      versions.values().stream().filter(v -> v.id() == id).forEach(found::add);
    }
    return found;
  }

  @Override
  public synchronized int maxId() {
    return maxId;
  }

  @Override
  public synchronized Optional<Compatibility> compatibility(String subject) {
    return Optional.ofNullable(subject == null ? globalLevel : subjectLevels.get(subject));
  }

  @Override
  public synchronized void put(SchemaVersion version) {
    subjects
        .computeIfAbsent(version.subject(), s -> new TreeMap<>())
        .put(version.version(), version);
    schemasById.putIfAbsent(version.id(), version.schema());
    idsBySchema.putIfAbsent(version.schema(), version.id());
    maxId = Math.max(maxId, version.id());
  }

  @Override
  public synchronized void putCompatibility(String subject, Compatibility level) {
    if (subject == null) {
      globalLevel = level;
    } else {
      subjectLevels.put(subject, level);
    }
  }

  @Override
  public synchronized void removeCompatibility(String subject) {
    subjectLevels.remove(subject);
  }

  @Override
  public void close() {}
}
