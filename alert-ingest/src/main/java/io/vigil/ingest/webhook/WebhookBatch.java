package io.vigil.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One Alertmanager-shaped webhook notification as sent (Alertmanager's version 4 payload, or
 * Grafana's superset of it), already checked against the limits of {@link WebhookParser}.
 *
 * @param receiver {@code receiver}
 * @param status {@code status} of the group, firing or resolved
 * @param externalUrl {@code externalURL}, the sender's own URL
 * @param groupKey {@code groupKey}
 * @param groupLabels {@code groupLabels}
 * @param commonLabels {@code commonLabels}
 * @param commonAnnotations {@code commonAnnotations}
 * @param orgId Grafana's {@code orgId}, or null
 * @param alerts {@code alerts}
 */
public record WebhookBatch(
    String receiver,
    String status,
    String externalUrl,
    String groupKey,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String orgId,
    List<Entry> alerts) {

  /**
   * One entry of {@code alerts}.
   *
   * @param status {@code firing} or {@code resolved}
   * @param labels {@code labels}
   * @param annotations {@code annotations}
   * @param startsAt {@code startsAt}, RFC 3339, or null
   * @param endsAt {@code endsAt}, RFC 3339, or null (Go's zero time counts as null)
   * @param generatorUrl {@code generatorURL}
   * @param fingerprint {@code fingerprint}, or null
   * @param dashboardUrl Grafana's {@code dashboardURL}
   * @param panelUrl Grafana's {@code panelURL}
   * @param silenceUrl Grafana's {@code silenceURL}
   * @param valueString Grafana's {@code valueString}
   * @param values Grafana's {@code values}, any JSON, or null
   */
  public record Entry(
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt,
      String endsAt,
      String generatorUrl,
      String fingerprint,
      String dashboardUrl,
      String panelUrl,
      String silenceUrl,
      String valueString,
      JsonNode values) {}
}
