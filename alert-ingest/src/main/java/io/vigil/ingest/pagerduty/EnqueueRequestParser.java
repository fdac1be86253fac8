package io.vigil.ingest.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into an {@link EnqueueRequest}: the body must be one JSON object, scalars
 * are read as text, and an object or array where text belongs is reported, not coerced.
 */
public final class EnqueueRequestParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EnqueueRequestParser() {}

  /**
   * Parses {@code body}.
   *
   * @throws MalformedEventException when the body is not a JSON object
   */
  public static EnqueueRequest parse(String body) throws MalformedEventException {
    if (body == null || body.isBlank()) {
      throw new MalformedEventException(
          "Request body is empty: send a JSON object with routing_key, event_action and payload");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          "Request body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEventException(
          "Request body must be a JSON object, not "
              + (root == null ? "nothing" : root.getNodeType().name().toLowerCase()));
    }
    List<String> typeErrors = new ArrayList<>();
    EnqueueRequest.Payload payload = null;
    JsonNode payloadNode = root.get("payload");
    if (payloadNode != null && !payloadNode.isNull()) {
      if (payloadNode.isObject()) {
        payload = payload(payloadNode, typeErrors);
      } else {
        typeErrors.add("'payload' must be an object");
      }
    }
    return new EnqueueRequest(
        text(root, "routing_key", "routing_key", typeErrors),
        text(root, "event_action", "event_action", typeErrors),
        text(root, "dedup_key", "dedup_key", typeErrors),
        payload,
        links(root.get("links"), typeErrors),
        text(root, "client", "client", typeErrors),
        text(root, "client_url", "client_url", typeErrors),
        typeErrors);
  }

  private static EnqueueRequest.Payload payload(JsonNode node, List<String> typeErrors) {
    JsonNode details = node.get("custom_details");
    return new EnqueueRequest.Payload(
        text(node, "summary", "payload.summary", typeErrors),
        text(node, "source", "payload.source", typeErrors),
        text(node, "severity", "payload.severity", typeErrors),
        text(node, "timestamp", "payload.timestamp", typeErrors),
        text(node, "component", "payload.component", typeErrors),
        text(node, "group", "payload.group", typeErrors),
        text(node, "class", "payload.class", typeErrors),
        details == null || details.isNull() ? null : details);
  }

  private static List<EnqueueRequest.RawLink> links(JsonNode node, List<String> typeErrors) {
    List<EnqueueRequest.RawLink> links = new ArrayList<>();
    if (node == null || node.isNull()) {
      return links;
    }
    if (!node.isArray()) {
      typeErrors.add("'links' must be an array of {\"href\": ..., \"text\": ...} objects");
      return links;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode link = node.get(i);
      String path = "links[" + i + "]";
      if (!link.isObject()) {
        typeErrors.add("'" + path + "' must be an object with 'href' and optional 'text'");
        continue;
      }
      links.add(
          new EnqueueRequest.RawLink(
              text(link, "href", path + ".href", typeErrors),
              text(link, "text", path + ".text", typeErrors)));
    }
    return links;
  }

  private static String text(JsonNode parent, String field, String path, List<String> errors) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isContainerNode()) {
      errors.add("'" + path + "' must be a string");
      return null;
    }
    return value.asText();
  }

  /** Thrown when the body is not a JSON object at all; the message tells the sender why. */
  public static final class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
      super(message);
    }
  }

  /** The JSON text of a node, for fields that keep any JSON (custom_details). */
  static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a parsed JSON node back out", e);
    }
  }
}
