package io.vigil.ingest.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertAction;
import io.vigil.ingest.alert.AlertLink;
import io.vigil.ingest.alert.AlertSeverity;
import io.vigil.ingest.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns each entry of a webhook batch into one Vigil {@link Alert}: firing triggers and resolved
 * resolves; the dedup key is the fingerprint, else a stable hash of the sorted labels; severity
 * comes from {@code labels.severity} (unknown → warning); the summary from {@code
 * annotations.summary}, then {@code description}, then {@code alertname}; the group's common and
 * group labels are kept under the alert's own labels.
 */
public final class WebhookAlerts {

  private static final Map<String, AlertSeverity> SEVERITIES = severities();

  private final WebhookFormat format;
  private final Supplier<UUID> ids;

  public WebhookAlerts(WebhookFormat format, Supplier<UUID> ids) {
    this.format = format;
    this.ids = ids;
  }

  /** One alert per entry of {@code batch}, in order. */
  public List<Alert> toAlerts(WebhookBatch batch, String serviceId, Instant receivedAt) {
    List<Alert> alerts = new ArrayList<>(batch.alerts().size());
    for (WebhookBatch.Entry e : batch.alerts()) {
      alerts.add(toAlert(batch, e, serviceId, receivedAt));
    }
    return alerts;
  }

  private Alert toAlert(
      WebhookBatch batch, WebhookBatch.Entry e, String serviceId, Instant receivedAt) {
    AlertAction action = "resolved".equals(e.status()) ? AlertAction.RESOLVE : AlertAction.TRIGGER;
    Map<String, String> labels = new LinkedHashMap<>(batch.commonLabels());
    labels.putAll(batch.groupLabels());
    labels.putAll(e.labels());
    String dedupKey =
        e.fingerprint() == null || e.fingerprint().isBlank()
            ? labelsHash(e.labels())
            : e.fingerprint();
    String when = action == AlertAction.RESOLVE && e.endsAt() != null ? e.endsAt() : e.startsAt();
    Instant occurredAt = when == null ? receivedAt : OffsetDateTime.parse(when).toInstant();
    return new Alert(
        ids.get().toString(),
        action,
        serviceId,
        dedupKey,
        format.sourceFormat(),
        severity(labels.get("severity")),
        summary(e, dedupKey),
        firstPresent(labels.get("instance"), labels.get("job")),
        null,
        null,
        null,
        labels,
        details(batch, e),
        links(e),
        format.client(),
        blankToNull(batch.externalUrl()),
        occurredAt,
        receivedAt);
  }

  /** The Vigil severity a {@code severity} label names; anything unrecognised is a warning. */
  static AlertSeverity severity(String label) {
    if (label == null) {
      return AlertSeverity.WARNING;
    }
    return SEVERITIES.getOrDefault(label.trim().toLowerCase(Locale.ROOT), AlertSeverity.WARNING);
  }

  /** A stable dedup key for an alert without fingerprint: SHA-256 of its sorted labels, 32 hex. */
  static String labelsHash(Map<String, String> labels) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(labels)
        .forEach((k, v) -> canonical.append(k).append('\u0000').append(v).append('\u0000'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String summary(WebhookBatch.Entry e, String dedupKey) {
    String text =
        firstPresent(
            e.annotations().get("summary"),
            e.annotations().get("description"),
            e.labels().get("alertname"));
    if (text == null) {
      text = "Alert " + dedupKey;
    }
    text = text.strip();
    return text.length() <= Alert.MAX_SUMMARY_LENGTH
        ? text
        : text.substring(0, Alert.MAX_SUMMARY_LENGTH - 1) + "…";
  }

  private List<AlertLink> links(WebhookBatch.Entry e) {
    List<AlertLink> links = new ArrayList<>();
    addLink(links, e.generatorUrl(), format.generatorLinkText());
    addLink(links, e.dashboardUrl(), "Dashboard");
    addLink(links, e.panelUrl(), "Panel");
    addLink(links, e.silenceUrl(), "Silence");
    addLink(links, e.annotations().get("runbook_url"), "Runbook");
    return links;
  }

  private static void addLink(List<AlertLink> links, String href, String text) {
    if (href != null && !href.isBlank()) {
      links.add(new AlertLink(href, text));
    }
  }

  private static String details(WebhookBatch batch, WebhookBatch.Entry e) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    ObjectNode annotations = d.putObject("annotations");
    e.annotations().forEach(annotations::put);
    putIfPresent(d, "startsAt", e.startsAt());
    putIfPresent(d, "endsAt", e.endsAt());
    putIfPresent(d, "receiver", batch.receiver());
    putIfPresent(d, "groupKey", batch.groupKey());
    putIfPresent(d, "orgId", batch.orgId());
    putIfPresent(d, "valueString", e.valueString());
    if (e.values() != null) {
      d.set("values", e.values());
    }
    return StrictJson.write(d);
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }

  private static String firstPresent(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Map<String, AlertSeverity> severities() {
    Map<String, AlertSeverity> m = new LinkedHashMap<>();
    for (String s : List.of("critical", "crit", "fatal", "emergency", "alert", "page", "p1")) {
      m.put(s, AlertSeverity.CRITICAL);
    }
    for (String s : List.of("error", "err", "high", "major", "p2")) {
      m.put(s, AlertSeverity.ERROR);
    }
    for (String s : List.of("warning", "warn", "medium", "minor", "p3")) {
      m.put(s, AlertSeverity.WARNING);
    }
    for (String s : List.of("info", "informational", "notice", "low", "none", "p4", "p5")) {
      m.put(s, AlertSeverity.INFO);
    }
    return Map.copyOf(m);
  }
}
