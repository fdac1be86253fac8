package io.vigil.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for topology unit tests and tools that need no shared registry; ids
 * are assigned in registration order starting at 1, one id per distinct schema.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final List<Schema> schemas = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id =
        ids.computeIfAbsent(
            schema.toString(),
            k -> {
              schemas.add(schema);
              return schemas.size();
            });
    List<Integer> versions = subjects.computeIfAbsent(subject, k -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    Integer id = ids.get(schema.toString());
    if (id == null || !subjects.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException(404, 40403, "Schema not found");
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemas.size()) {
      throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
    }
    return schemas.get(id - 1);
  }
}
