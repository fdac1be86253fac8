package io.vigil.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.json.StrictJson;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Alertmanager-shaped webhook body into a {@link WebhookBatch}, refusing — with one line
 * per problem naming the field and the limit — wrong types, missing fields, bad statuses and times,
 * and anything over the limits below; it never coerces a value it does not understand.
 */
public final class WebhookParser {

  public static final int MAX_ALERTS = 1000;
  public static final int MAX_LABELS = 128;
  public static final int MAX_LABEL_NAME = 256;
  public static final int MAX_LABEL_VALUE = 4096;
  public static final int MAX_ANNOTATION_VALUE = 16384;
  public static final int MAX_TEXT = 4096;

  /** Only the first problems are listed, so a body with 10,000 bad labels gets a short answer. */
  static final int MAX_ERRORS = 20;

  private final WebhookFormat format;

  public WebhookParser(WebhookFormat format) {
    this.format = format;
  }

  /** The batch {@code body} holds, or every problem with it. */
  public Parsed parse(byte[] body) {
    JsonNode root;
    try {
      root =
          StrictJson.readObject(
              body, "the " + format.client() + " webhook JSON object with its alerts[]");
    } catch (StrictJson.BadJsonException e) {
      return new Parsed(null, List.of(e.getMessage()));
    }
    Errors errors = new Errors();
    String version = text(root, "version", "version", MAX_TEXT, errors);
    if (format.requiredVersion() != null
        && version != null
        && !format.requiredVersion().equals(version)) {
      errors.add(
          "'version' is \""
              + version
              + "\"; only webhook payload version "
              + format.requiredVersion()
              + " is understood");
    }
    JsonNode alertsNode = root.get("alerts");
    List<WebhookBatch.Entry> alerts = new ArrayList<>();
    if (alertsNode == null || alertsNode.isNull()) {
      errors.add("'alerts' is missing (the webhook payload lists its alerts there)");
    } else if (!alertsNode.isArray()) {
      errors.add("'alerts' must be an array of alert objects");
    } else if (alertsNode.size() > MAX_ALERTS) {
      errors.add(
          "'alerts' has "
              + alertsNode.size()
              + " entries; at most "
              + MAX_ALERTS
              + " are accepted per request (set max_alerts in the webhook config)");
    } else {
      for (int i = 0; i < alertsNode.size(); i++) {
        WebhookBatch.Entry entry = entry(alertsNode.get(i), "alerts[" + i + "]", errors);
        if (entry != null) {
          alerts.add(entry);
        }
      }
    }
    WebhookBatch batch =
        new WebhookBatch(
            text(root, "receiver", "receiver", MAX_TEXT, errors),
            text(root, "status", "status", MAX_TEXT, errors),
            text(root, "externalURL", "externalURL", MAX_TEXT, errors),
            text(root, "groupKey", "groupKey", MAX_TEXT, errors),
            strings(root.get("groupLabels"), "groupLabels", MAX_LABEL_VALUE, errors),
            strings(root.get("commonLabels"), "commonLabels", MAX_LABEL_VALUE, errors),
            strings(
                root.get("commonAnnotations"), "commonAnnotations", MAX_ANNOTATION_VALUE, errors),
            text(root, "orgId", "orgId", MAX_TEXT, errors),
            alerts);
    return errors.isEmpty() ? new Parsed(batch, List.of()) : new Parsed(null, errors.list());
  }

  private static WebhookBatch.Entry entry(JsonNode node, String at, Errors errors) {
    if (!node.isObject()) {
      errors.add("'" + at + "' must be an object");
      return null;
    }
    String status = text(node, "status", at + ".status", MAX_TEXT, errors);
    if (status == null || status.isBlank()) {
      errors.add("'" + at + ".status' is missing or blank (must be 'firing' or 'resolved')");
    } else if (!status.equals("firing") && !status.equals("resolved")) {
      errors.add("'" + at + ".status' is invalid (must be 'firing' or 'resolved')");
    }
    JsonNode labelsNode = node.get("labels");
    if (labelsNode == null || labelsNode.isNull()) {
      errors.add("'" + at + ".labels' is missing (every alert is identified by its labels)");
    }
    Map<String, String> labels = strings(labelsNode, at + ".labels", MAX_LABEL_VALUE, errors);
    String fingerprint = text(node, "fingerprint", at + ".fingerprint", MAX_TEXT, errors);
    if (fingerprint != null && fingerprint.length() > Alert.MAX_DEDUP_KEY_LENGTH) {
      errors.add(
          "'"
              + at
              + ".fingerprint' is longer than "
              + Alert.MAX_DEDUP_KEY_LENGTH
              + " characters ("
              + fingerprint.length()
              + ")");
    }
    JsonNode values = node.get("values");
    return new WebhookBatch.Entry(
        status,
        labels,
        strings(node.get("annotations"), at + ".annotations", MAX_ANNOTATION_VALUE, errors),
        time(node, "startsAt", at, errors),
        time(node, "endsAt", at, errors),
        text(node, "generatorURL", at + ".generatorURL", MAX_TEXT, errors),
        fingerprint,
        text(node, "dashboardURL", at + ".dashboardURL", MAX_TEXT, errors),
        text(node, "panelURL", at + ".panelURL", MAX_TEXT, errors),
        text(node, "silenceURL", at + ".silenceURL", MAX_TEXT, errors),
        text(node, "valueString", at + ".valueString", MAX_ANNOTATION_VALUE, errors),
        values == null || values.isNull() ? null : values);
  }

  private static String time(JsonNode node, String field, String at, Errors errors) {
    String text = text(node, field, at + "." + field, MAX_TEXT, errors);
    if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
      return null;
    }
    try {
      OffsetDateTime.parse(text);
      return text;
    } catch (DateTimeParseException e) {
      errors.add(
          "'"
              + at
              + "."
              + field
              + "' is invalid (must be an RFC 3339 date-time such as 2026-01-05T09:00:00Z)");
      return null;
    }
  }

  private static Map<String, String> strings(
      JsonNode node, String at, int maxValue, Errors errors) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      errors.add("'" + at + "' must be an object of string values");
      return map;
    }
    if (node.size() > MAX_LABELS) {
      errors.add(
          "'" + at + "' has " + node.size() + " entries; at most " + MAX_LABELS + " are accepted");
      return map;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.length() > MAX_LABEL_NAME) {
        errors.add(
            "'"
                + at
                + "' has a name longer than "
                + MAX_LABEL_NAME
                + " characters ("
                + name.length()
                + ")");
        continue;
      }
      String value = scalar(e.getValue(), at + "." + name, maxValue, errors);
      if (value != null) {
        map.put(name, value);
      }
    }
    return map;
  }

  private static String text(JsonNode parent, String field, String at, int max, Errors errors) {
    return scalar(parent.get(field), at, max, errors);
  }

  private static String scalar(JsonNode value, String at, int max, Errors errors) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isContainerNode()) {
      errors.add("'" + at + "' must be a string");
      return null;
    }
    String text = value.asText();
    if (text.length() > max) {
      errors.add("'" + at + "' is longer than " + max + " characters (" + text.length() + ")");
      return null;
    }
    return text;
  }

  /** The batch, or the problems; exactly one is present. */
  public record Parsed(WebhookBatch batch, List<String> errors) {

    public Parsed {
      errors = List.copyOf(errors);
    }
  }

  /** An error list that stops growing at {@link #MAX_ERRORS} and says how many it left out. */
  private static final class Errors {

    private final List<String> lines = new ArrayList<>();
    private int dropped;

    void add(String line) {
      if (lines.size() < MAX_ERRORS) {
        lines.add(line);
      } else {
        dropped++;
      }
    }

    boolean isEmpty() {
      return lines.isEmpty();
    }

    List<String> list() {
      if (dropped == 0) {
        return lines;
      }
      List<String> all = new ArrayList<>(lines);
      all.add("... and " + dropped + " more problems of the same kind");
      return all;
    }
  }
}
