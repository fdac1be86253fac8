package io.vigil.ingest.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A PagerDuty Events API v2 event exactly as sent, before validation: every field may be missing
 * (null), and values of the wrong JSON type are reported in {@code typeErrors} instead of being
 * guessed at.
 *
 * @param routingKey {@code routing_key}
 * @param eventAction {@code event_action}
 * @param dedupKey {@code dedup_key}
 * @param payload {@code payload}, or null
 * @param links {@code links}
 * @param client {@code client}
 * @param clientUrl {@code client_url}
 * @param typeErrors fields whose JSON type is wrong, as PagerDuty-style error lines
 */
public record EnqueueRequest(
    String routingKey,
    String eventAction,
    String dedupKey,
    Payload payload,
    List<RawLink> links,
    String client,
    String clientUrl,
    List<String> typeErrors) {

  public EnqueueRequest {
    links = links == null ? List.of() : List.copyOf(links);
    typeErrors = typeErrors == null ? List.of() : List.copyOf(typeErrors);
  }

  /**
   * The {@code payload} object of a trigger.
   *
   * @param summary {@code payload.summary}
   * @param source {@code payload.source}
   * @param severity {@code payload.severity}
   * @param timestamp {@code payload.timestamp}, ISO-8601
   * @param component {@code payload.component}
   * @param group {@code payload.group}
   * @param eventClass {@code payload.class}
   * @param customDetails {@code payload.custom_details}, any JSON, or null
   */
  public record Payload(
      String summary,
      String source,
      String severity,
      String timestamp,
      String component,
      String group,
      String eventClass,
      JsonNode customDetails) {}

  /**
   * One entry of {@code links}.
   *
   * @param href {@code href}
   * @param text {@code text}
   */
  public record RawLink(String href, String text) {}
}
