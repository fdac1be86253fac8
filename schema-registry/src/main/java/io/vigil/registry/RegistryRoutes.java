package io.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each Confluent endpoint Vigil's registry implements maps to one {@link SchemaRegistry} call; this
 * class only parses the request and shapes the answer as Confluent's does.
 */
final class RegistryRoutes {

  /** What a route receives: its path parameters, query parameters and body. */
  record Request(List<String> params, Map<String, String> query, JsonNode body) {

    String param(int i) {
      return params.get(i);
    }

    boolean flag(String name) {
      return Boolean.parseBoolean(query.get(name));
    }
  }

  /** A route answers with a JSON-serialisable body, or raw text for {@link RawSchema}. */
  record Route(String method, String pattern, boolean needsBody, Function<Request, Object> action) {

    /** The path parameters when {@code segments} match {@link #pattern}, else null. */
    List<String> match(List<String> segments) {
      String[] parts = pattern.isEmpty() ? new String[0] : pattern.split("/");
      if (parts.length != segments.size()) {
        return null;
      }
      List<String> params = new java.util.ArrayList<>();
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].equals("*")) {
          params.add(segments.get(i));
        } else if (!parts[i].equals(segments.get(i))) {
          return null;
        }
      }
      return params;
    }
  }

  /** A schema answered as its own JSON text, as Confluent's {@code .../schema} endpoint does. */
  record RawSchema(String text) {}

  private RegistryRoutes() {}

  static List<Route> all(SchemaRegistry registry) {
    return List.of(
        new Route("GET", "", false, r -> Map.of()),
        new Route("GET", "health", false, r -> Map.of("status", "UP")),
        new Route("GET", "mode", false, r -> Map.of("mode", "READWRITE")),
        new Route("GET", "schemas/types", false, r -> List.of("AVRO")),
        new Route("GET", "subjects", false, r -> registry.subjects(r.flag("deleted"))),
        new Route("POST", "subjects/*", true, r -> lookup(registry, r)),
        new Route("DELETE", "subjects/*", false, r -> deleteSubject(registry, r)),
        new Route(
            "GET",
            "subjects/*/versions",
            false,
            r -> registry.versions(r.param(0), r.flag("deleted"))),
        new Route(
            "POST",
            "subjects/*/versions",
            true,
            r -> Map.of("id", registry.register(r.param(0), avroSchemaText(r.body())))),
        new Route(
            "GET",
            "subjects/*/versions/*",
            false,
            r -> versionBody(registry.version(r.param(0), r.param(1), r.flag("deleted")))),
        new Route(
            "GET",
            "subjects/*/versions/*/schema",
            false,
            r ->
                new RawSchema(
                    registry.version(r.param(0), r.param(1), r.flag("deleted")).schema())),
        new Route(
            "GET",
            "schemas/ids/*",
            false,
            r -> Map.of("schema", registry.schemaById(schemaId(r.param(0))))),
        new Route(
            "GET",
            "schemas/ids/*/versions",
            false,
            r ->
                registry.versionsWithId(schemaId(r.param(0))).stream()
                    .map(v -> subjectVersion(v.subject(), v.version()))
                    .toList()),
        new Route(
            "GET",
            "schemas/ids/*/subjects",
            false,
            r ->
                registry.versionsWithId(schemaId(r.param(0))).stream()
                    .map(SchemaVersion::subject)
                    .distinct()
                    .toList()),
        new Route(
            "GET",
            "config",
            false,
            r -> Map.of("compatibilityLevel", registry.globalCompatibility().name())),
        new Route("PUT", "config", true, r -> setCompatibility(registry, null, r.body())),
        new Route("GET", "config/*", false, r -> subjectConfig(registry, r)),
        new Route("PUT", "config/*", true, r -> setCompatibility(registry, r.param(0), r.body())),
        new Route(
            "DELETE",
            "config/*",
            false,
            r -> Map.of("compatibilityLevel", registry.removeCompatibility(r.param(0)).name())),
        new Route(
            "POST",
            "compatibility/subjects/*/versions",
            true,
            r -> compatibility(registry, r, null)),
        new Route(
            "POST",
            "compatibility/subjects/*/versions/*",
            true,
            r -> compatibility(registry, r, r.param(1))));
  }

  private static Object lookup(SchemaRegistry registry, Request r) {
    SchemaVersion found = registry.lookup(r.param(0), avroSchemaText(r.body()));
    return versionBody(found);
  }

  private static Object deleteSubject(SchemaRegistry registry, Request r) {
    if (r.flag("permanent")) {
      throw new RegistryException(
          422,
          42205,
          "Permanent deletion is not supported by Vigil's registry; soft-delete with DELETE"
              + " /subjects/{subject} instead");
    }
    return registry.deleteSubject(r.param(0));
  }

  private static Object subjectConfig(SchemaRegistry registry, Request r) {
    Compatibility level =
        registry
            .subjectCompatibility(r.param(0))
            .or(
                () ->
                    r.flag("defaultToGlobal")
                        ? java.util.Optional.of(registry.globalCompatibility())
                        : java.util.Optional.empty())
            .orElseThrow(() -> SchemaRegistry.noSubjectCompatibility(r.param(0)));
    return Map.of("compatibilityLevel", level.name());
  }

  private static Object setCompatibility(SchemaRegistry registry, String subject, JsonNode body) {
    JsonNode value = body.path("compatibility");
    if (value.isMissingNode()) {
      value = body.path("compatibilityLevel");
    }
    Compatibility level = Compatibility.parse(value.isTextual() ? value.asText() : null);
    registry.setCompatibility(subject, level);
    return Map.of("compatibility", level.name());
  }

  private static Object compatibility(SchemaRegistry registry, Request r, String version) {
    List<String> messages =
        registry.testCompatibility(r.param(0), version, avroSchemaText(r.body()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("is_compatible", messages.isEmpty());
    body.put("messages", messages);
    return body;
  }

  /** The {@code schema} field of a request, refusing schema types and references it lacks. */
  private static String avroSchemaText(JsonNode body) {
    JsonNode type = body.path("schemaType");
    if (type.isTextual() && !type.asText().equalsIgnoreCase("AVRO")) {
      throw RegistryException.invalidSchema(
          "Unsupported schema type " + type.asText() + ": Vigil's registry supports AVRO only");
    }
    JsonNode references = body.path("references");
    if (references.isArray() && !references.isEmpty()) {
      throw RegistryException.invalidSchema(
          "Schema references are not supported by Vigil's registry; inline the referenced types");
    }
    JsonNode schema = body.path("schema");
    if (!schema.isTextual()) {
      throw RegistryException.invalidSchema(
          "The request needs a \"schema\" field holding the Avro schema as a JSON string");
    }
    return schema.asText();
  }

  private static int schemaId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound(text);
    }
  }

  private static Map<String, Object> versionBody(SchemaVersion v) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", v.subject());
    body.put("version", v.version());
    body.put("id", v.id());
    body.put("schema", v.schema());
    return body;
  }

  private static Map<String, Object> subjectVersion(String subject, int version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject);
    body.put("version", version);
    return body;
  }
}
