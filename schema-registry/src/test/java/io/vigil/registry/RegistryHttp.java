package io.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Raw HTTP calls to a registry under test, so tests see exact statuses, headers and bodies. */
final class RegistryHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  RegistryHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** One answer: its status, content type and body (parsed as JSON when it is JSON). */
  record Answer(int status, String contentType, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Answer post(String path, String body) {
    return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String path, String body) {
    return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts {@code {"schema": schemaJson}} to {@code path}. */
  Answer postSchema(String path, String schemaJson) {
    return post(path, body(Map.of("schema", schemaJson)));
  }

  static String body(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder json(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json");
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("registry unreachable at " + baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
