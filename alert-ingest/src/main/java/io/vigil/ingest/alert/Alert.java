package io.vigil.ingest.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One normalised alert as Vigil accepts it, whatever format it came in: it always names its service
 * and dedup key (at most 255 characters) and, for a trigger, a summary (at most 1024).
 *
 * @param eventId unique id of this accepted event
 * @param action what the monitoring system says happened
 * @param serviceId the service whose integration received it
 * @param dedupKey identifies the alert within its service; repeats share it
 * @param sourceFormat the wire format it arrived in
 * @param severity how bad it is
 * @param summary one line for humans; empty for acknowledge and resolve
 * @param source the affected system, if given
 * @param component the affected part of the source, if given
 * @param group a logical grouping of components, if given
 * @param alertClass the class or type of the event, if given
 * @param labels string labels for grouping and classification
 * @param customDetailsJson free-form details as JSON text, if given
 * @param links related links
 * @param client the monitoring client's name, if given
 * @param clientUrl the monitoring client's URL, if given
 * @param occurredAt when it happened as the sender reports it, else {@code receivedAt}
 * @param receivedAt when Vigil received it
 */
public record Alert(
    String eventId,
    AlertAction action,
    String serviceId,
    String dedupKey,
    SourceFormat sourceFormat,
    AlertSeverity severity,
    String summary,
    String source,
    String component,
    String group,
    String alertClass,
    Map<String, String> labels,
    String customDetailsJson,
    List<AlertLink> links,
    String client,
    String clientUrl,
    Instant occurredAt,
    Instant receivedAt) {

  /** The longest dedup key accepted, as PagerDuty's Events API v2 allows. */
  public static final int MAX_DEDUP_KEY_LENGTH = 255;

  /** The longest summary accepted, as PagerDuty's Events API v2 allows. */
  public static final int MAX_SUMMARY_LENGTH = 1024;

  public Alert {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(sourceFormat, "sourceFormat");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
    requireText(serviceId, "serviceId");
    requireText(dedupKey, "dedupKey");
    if (dedupKey.length() > MAX_DEDUP_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "dedup key longer than " + MAX_DEDUP_KEY_LENGTH + " characters: " + dedupKey.length());
    }
    summary = summary == null ? "" : summary;
    if (action == AlertAction.TRIGGER && summary.isBlank()) {
      throw new IllegalArgumentException("a trigger needs a summary");
    }
    if (summary.length() > MAX_SUMMARY_LENGTH) {
      throw new IllegalArgumentException(
          "summary longer than " + MAX_SUMMARY_LENGTH + " characters: " + summary.length());
    }
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** The record key on {@code vigil.alerts.v1}: {@code serviceId/dedupKey}. */
  public String kafkaKey() {
    return serviceId + "/" + dedupKey;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
