package io.vigil.ingest.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.json.StrictJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into an {@link EnqueueRequest}: the body must be one JSON object, scalars
 * are read as text, and an object or array where text belongs is reported, not coerced.
 */
public final class EnqueueRequestParser {

  private static final String EXPECTED = "a JSON object with routing_key, event_action and payload";

  private EnqueueRequestParser() {}

  /**
   * Parses {@code body}.
   *
   * @throws MalformedEventException when the body is not a JSON object
   */
  public static EnqueueRequest parse(String body) throws MalformedEventException {
    try {
      return read(StrictJson.readObject(body, EXPECTED));
    } catch (StrictJson.BadJsonException e) {
      throw new MalformedEventException(e.getMessage());
    }
  }

  /**
   * Parses {@code body}, which must be UTF-8.
   *
   * @throws MalformedEventException when the body is not UTF-8 or not a JSON object
   */
  public static EnqueueRequest parse(byte[] body) throws MalformedEventException {
    try {
      return read(StrictJson.readObject(body, EXPECTED));
    } catch (StrictJson.BadJsonException e) {
      throw new MalformedEventException(e.getMessage());
    }
  }

  private static EnqueueRequest read(JsonNode root) {
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
    return StrictJson.write(node);
  }
}
