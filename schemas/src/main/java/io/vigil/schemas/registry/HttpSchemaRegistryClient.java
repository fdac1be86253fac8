package io.vigil.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A Confluent Schema Registry REST client that asks the registry at most once per (subject, schema)
 * and once per id; see ADR 0001 for why Vigil has its own.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final HttpClient http;
  // Keyed by the Schema itself: its hash is computed once per instance, while schema.toString()
  // per record cost the classifier a tenth of its CPU (JFR, docs/benchmarks.md "Whole stack").
  private final Map<SubjectSchema, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(String baseUrl) {
    String trimmed = baseUrl.split(",")[0].trim();
    this.baseUrl = URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        k -> {
          JsonNode body = post("subjects/" + encode(subject) + "/versions", schema);
          int id = body.path("id").asInt();
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        k -> post("subjects/" + encode(subject), schema).path("id").asInt());
  }

  private record SubjectSchema(String subject, Schema schema) {}

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(
        id,
        k -> {
          JsonNode body = send(HttpRequest.newBuilder(baseUrl.resolve("schemas/ids/" + id)).GET());
          return new Schema.Parser().parse(body.path("schema").asText());
        });
  }

  private JsonNode post(String path, Schema schema) {
    String payload;
    try {
      payload = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot encode schema request", e);
    }
    return send(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(payload)));
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.header("Accept", CONTENT_TYPE).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry " + baseUrl + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted calling schema registry " + baseUrl, e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          response.statusCode(), 0, "schema registry answered non-JSON: " + response.body());
    }
    if (response.statusCode() >= 300) {
      throw new SchemaRegistryException(
          response.statusCode(),
          body.path("error_code").asInt(response.statusCode()),
          body.path("message").asText("schema registry error"));
    }
    return body;
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
