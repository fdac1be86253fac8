package io.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of the {@code _schemas} log, one key per thing that has a latest state so compaction
 * keeps exactly that: {@code SCHEMA} keys per subject version, {@code CONFIG} keys per subject (or
 * the global level); a null config value removes the setting. Shaped after Confluent's records.
 */
final class StoreRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreRecords() {}

  static String schemaKey(SchemaVersion v) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "SCHEMA");
    key.put("subject", v.subject());
    key.put("version", v.version());
    key.put("magic", 1);
    return write(key);
  }

  static String schemaValue(SchemaVersion v) {
    ObjectNode value = JSON.createObjectNode();
    value.put("subject", v.subject());
    value.put("version", v.version());
    value.put("id", v.id());
    value.put("schema", v.schema());
    value.put("deleted", v.deleted());
    return write(value);
  }

  /** The key of a compatibility setting; {@code subject} null is the global one. */
  static String configKey(String subject) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "CONFIG");
    key.put("subject", subject);
    key.put("magic", 0);
    return write(key);
  }

  static String configValue(Compatibility level) {
    return write(JSON.createObjectNode().put("compatibilityLevel", level.name()));
  }

  /** Applies one record of the log to {@code view}; records of unknown kinds are skipped. */
  static void apply(String keyJson, String valueJson, InMemorySchemaStore view) {
    JsonNode key = read(keyJson);
    switch (key.path("keytype").asText()) {
      case "SCHEMA" -> {
        if (valueJson != null) {
          JsonNode value = read(valueJson);
          view.put(
              new SchemaVersion(
                  value.path("subject").asText(),
                  value.path("version").asInt(),
                  value.path("id").asInt(),
                  value.path("schema").asText(),
                  value.path("deleted").asBoolean(false)));
        }
      }
      case "CONFIG" -> {
        String subject = key.path("subject").isTextual() ? key.path("subject").asText() : null;
        if (valueJson == null) {
          view.removeCompatibility(subject);
        } else {
          view.putCompatibility(
              subject, Compatibility.parse(read(valueJson).path("compatibilityLevel").asText()));
        }
      }
      default -> {
        // Another registry's record kind (e.g. Confluent's NOOP or MODE): not ours to interpret.
      }
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable record in the schemas topic: " + json, e);
    }
  }
}
