package io.vigil.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three wire formats one batch of alerts can take: Alertmanager's webhook (version 4) as
 * Alertmanager would post it to Vigil, one PagerDuty Events API v2 trigger, and Alertmanager's own
 * {@code POST /api/v2/alerts} body as Prometheus would post it to Alertmanager.
 */
public final class Payloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Alertmanager's "not resolved" end time in webhook payloads. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private Payloads() {}

  /** An Alertmanager webhook notification (version 4) carrying the batch, all firing. */
  public static byte[] alertmanagerWebhook(List<Alert> batch) {
    List<Map<String, Object>> alerts = new ArrayList<>(batch.size());
    for (Alert a : batch) {
      Map<String, Object> alert = new LinkedHashMap<>();
      alert.put("status", "firing");
      alert.put("labels", a.labels());
      alert.put("annotations", Map.of("summary", a.summary()));
      alert.put("startsAt", a.startsAt().toString());
      alert.put("endsAt", ZERO_TIME);
      alert.put("generatorURL", "");
      alert.put("fingerprint", a.fingerprint());
      alerts.add(alert);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "4");
    body.put("groupKey", "{}:{bench=\"" + batch.get(0).serviceId() + "\"}");
    body.put("truncatedAlerts", 0);
    body.put("status", "firing");
    body.put("receiver", "vigil");
    body.put("groupLabels", Map.of());
    body.put("commonLabels", Map.of());
    body.put("commonAnnotations", Map.of());
    body.put("externalURL", "http://127.0.0.1/bench");
    body.put("alerts", alerts);
    return write(body);
  }

  /** One Events API v2 trigger for the alert, with its fingerprint as dedup key. */
  public static byte[] eventsV2(Alert alert, String routingKey) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("summary", alert.summary());
    payload.put("source", alert.labels().getOrDefault("instance", alert.serviceId()));
    payload.put("severity", alert.labels().getOrDefault("severity", "critical"));
    payload.put("timestamp", alert.startsAt().toString());
    payload.put("custom_details", alert.labels());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("routing_key", routingKey);
    body.put("event_action", "trigger");
    body.put("dedup_key", alert.fingerprint());
    body.put("payload", payload);
    return write(body);
  }

  /**
   * Alertmanager's {@code POST /api/v2/alerts} body: the alerts with their labels (plus {@code
   * fingerprint}, so Alertmanager's identity of an alert is the same as Vigil's dedup key) and the
   * summary annotation.
   */
  public static byte[] alertmanagerApi(List<Alert> batch) {
    List<Map<String, Object>> alerts = new ArrayList<>(batch.size());
    for (Alert a : batch) {
      Map<String, String> labels = new LinkedHashMap<>(a.labels());
      labels.put("fingerprint", a.fingerprint());
      Map<String, Object> alert = new LinkedHashMap<>();
      alert.put("labels", labels);
      alert.put("annotations", Map.of("summary", a.summary()));
      alert.put("startsAt", a.startsAt().toString());
      alerts.add(alert);
    }
    return write(alerts);
  }

  private static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write plain maps as JSON", e);
    }
  }
}
