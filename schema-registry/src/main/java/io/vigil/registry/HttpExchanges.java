package io.vigil.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests are read as JSON of the content types Confluent accepts and answered as {@code
 * application/vnd.schemaregistry.v1+json}; every error body is {@code {"error_code","message"}}.
 */
final class HttpExchanges {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private HttpExchanges() {}

  /** The path split into its percent-decoded segments, without empty ones. */
  static List<String> segments(HttpExchange exchange) {
    List<String> segments = new ArrayList<>();
    for (String raw : exchange.getRequestURI().getRawPath().split("/")) {
      if (!raw.isEmpty()) {
        // Percent-decode only: a '+' in a subject name is a plus, not a space.
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  /** The query parameters (last value wins). */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  /**
   * The request body as JSON ({@code null} JSON for an empty body).
   *
   * @throws RegistryException 415 for a non-JSON content type, 400 for malformed JSON
   */
  static JsonNode body(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && !acceptsContentType(type)) {
      throw new RegistryException(
          415,
          415,
          "Unsupported content type "
              + type
              + "; send application/vnd.schemaregistry.v1+json or application/json");
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new RegistryException(413, 413, "Request body larger than 4 MiB");
    }
    if (bytes.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new RegistryException(
          400, 400, "The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static void respondError(HttpExchange exchange, RegistryException e) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", e.errorCode());
    body.put("message", e.getMessage());
    respond(exchange, e.status(), body);
  }

  private static boolean acceptsContentType(String contentType) {
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.isEmpty()
        || type.equals("application/vnd.schemaregistry.v1+json")
        || type.equals("application/vnd.schemaregistry+json")
        || type.equals("application/json")
        || type.equals("application/octet-stream");
  }
}
