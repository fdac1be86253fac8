package io.vigil.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertAction;
import io.vigil.ingest.alert.AlertLink;
import io.vigil.ingest.alert.AlertSeverity;
import io.vigil.ingest.alert.SourceFormat;
import io.vigil.ingest.pagerduty.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookAlertsTest {

  private static final Instant RECEIVED = Instant.parse("2026-02-06T13:10:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  private static List<Alert> map(WebhookFormat format, String resource) {
    WebhookParser.Parsed parsed =
        new WebhookParser(format).parse(Samples.read(resource).getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.errors()).isEmpty();
    return new WebhookAlerts(format, () -> ID).toAlerts(parsed.batch(), "payments", RECEIVED);
  }

  @Test
  void everyAlertmanagerEntryBecomesOneAlertFiringTriggersResolvedResolves() {
    List<Alert> alerts = map(WebhookFormat.ALERTMANAGER, "alertmanager/firing-and-resolved.json");

    assertThat(alerts)
        .containsExactly(
            new Alert(
                ID.toString(),
                AlertAction.TRIGGER,
                "payments",
                "1a30ba71cca2921f",
                SourceFormat.ALERTMANAGER,
                AlertSeverity.CRITICAL,
                "BlackBox Probe Failure: https://server.example.org",
                "https://server.example.org",
                null,
                null,
                null,
                Map.of(
                    "alertname", "ProbeFailure",
                    "instance", "https://server.example.org",
                    "job", "http_checks",
                    "monitor", "master",
                    "severity", "critical"),
                "{\"annotations\":{\"description\":\"Instance https://server.example.org has been"
                    + " down for over 5m.\",\"summary\":\"BlackBox Probe Failure:"
                    + " https://server.example.org\",\"runbook_url\":"
                    + "\"https://runbooks.example.org/probe-failure\"},"
                    + "\"startsAt\":\"2026-02-06T13:08:45.828Z\",\"receiver\":\"vigil\","
                    + "\"groupKey\":\"{}/{severity=\\\"critical\\\"}:{alertname=\\\"ProbeFailure\\\"}\"}",
                List.of(
                    new AlertLink(
                        "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1",
                        "Prometheus graph"),
                    new AlertLink("https://runbooks.example.org/probe-failure", "Runbook")),
                "Prometheus Alertmanager",
                "http://alertmanager.example.org:9093",
                Instant.parse("2026-02-06T13:08:45.828Z"),
                RECEIVED),
            new Alert(
                ID.toString(),
                AlertAction.RESOLVE,
                "payments",
                "7b2d9c40aa61e3f5",
                SourceFormat.ALERTMANAGER,
                AlertSeverity.CRITICAL,
                "Instance https://api.example.org has been down for over 5m.",
                "https://api.example.org",
                null,
                null,
                null,
                Map.of(
                    "alertname", "ProbeFailure",
                    "instance", "https://api.example.org",
                    "job", "http_checks",
                    "monitor", "master",
                    "severity", "critical"),
                "{\"annotations\":{\"description\":\"Instance https://api.example.org has been"
                    + " down for over 5m.\"},\"startsAt\":\"2026-02-06T12:00:00Z\","
                    + "\"endsAt\":\"2026-02-06T13:05:00+07:00\",\"receiver\":\"vigil\","
                    + "\"groupKey\":\"{}/{severity=\\\"critical\\\"}:{alertname=\\\"ProbeFailure\\\"}\"}",
                List.of(
                    new AlertLink(
                        "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1",
                        "Prometheus graph")),
                "Prometheus Alertmanager",
                "http://alertmanager.example.org:9093",
                Instant.parse("2026-02-06T06:05:00Z"),
                RECEIVED));
  }

  @Test
  void withoutFingerprintTheDedupKeyIsAStableHashOfTheSortedLabels() {
    List<Alert> first = map(WebhookFormat.ALERTMANAGER, "alertmanager/without-fingerprint.json");
    String reordered =
        Samples.read("alertmanager/without-fingerprint.json")
            .replace(
                "\"alertname\": \"Test\",\n        \"dc\": \"eu-west-1\",",
                "\"dc\": \"eu-west-1\",\n        \"alertname\": \"Test\",");
    assertThat(reordered).isNotEqualTo(Samples.read("alertmanager/without-fingerprint.json"));
    WebhookParser.Parsed parsed =
        new WebhookParser(WebhookFormat.ALERTMANAGER)
            .parse(reordered.getBytes(StandardCharsets.UTF_8));
    List<Alert> second =
        new WebhookAlerts(WebhookFormat.ALERTMANAGER, () -> ID)
            .toAlerts(parsed.batch(), "payments", RECEIVED);

    assertThat(first.get(0).dedupKey())
        .hasSize(32)
        .matches("[0-9a-f]{32}")
        .isEqualTo(second.get(0).dedupKey());
    assertThat(first.get(0).summary()).isEqualTo("Test");
    assertThat(first.get(0).severity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(first.get(0).occurredAt())
        .isEqualTo(Instant.parse("2018-08-03T07:52:26.739266876Z"));
  }

  @Test
  void grafanaKeepsItsDashboardPanelAndSilenceLinksAndItsValues() {
    List<Alert> alerts = map(WebhookFormat.GRAFANA, "grafana/firing.json");

    Alert firing = alerts.get(0);
    assertThat(firing.sourceFormat()).isEqualTo(SourceFormat.GRAFANA);
    assertThat(firing.action()).isEqualTo(AlertAction.TRIGGER);
    assertThat(firing.dedupKey()).isEqualTo("c6eadffa33fcdf37");
    assertThat(firing.severity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(firing.summary()).isEqualTo("This alert was triggered for zone us-1");
    assertThat(firing.client()).isEqualTo("Grafana");
    assertThat(firing.clientUrl()).isEqualTo("https://grafana.example.com/");
    assertThat(firing.links())
        .containsExactly(
            new AlertLink("https://grafana.example.com/alerting/1afz29v7z/edit", "Alert rule"),
            new AlertLink("https://grafana.example.com/d/abc123", "Dashboard"),
            new AlertLink("https://grafana.example.com/d/abc123?viewPanel=2", "Panel"),
            new AlertLink(
                "https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
                "Silence"),
            new AlertLink("https://myrunbook.example.com/runbook/1234", "Runbook"));
    assertThat(firing.customDetailsJson())
        .contains("\"orgId\":\"1\"")
        .contains("\"valueString\":\"[ var='B' labels={zone=us-1} value=44.23943737541908 ]\"")
        .contains("\"values\":{\"B\":44.23943737541908,\"C\":1}");
    Alert resolved = alerts.get(1);
    assertThat(resolved.action()).isEqualTo(AlertAction.RESOLVE);
    assertThat(resolved.summary()).isEqualTo("The system has high CPU usage");
    assertThat(resolved.labels()).containsEntry("team", "blue").containsEntry("zone", "eu-1");
    assertThat(resolved.occurredAt()).isEqualTo(Instant.parse("2026-10-12T08:06:03.157076Z"));
  }

  @Test
  void severityLabelsMapToVigilsFourLevelsAndUnknownIsWarning() {
    assertThat(WebhookAlerts.severity("critical")).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(WebhookAlerts.severity("Page")).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(WebhookAlerts.severity("error")).isEqualTo(AlertSeverity.ERROR);
    assertThat(WebhookAlerts.severity("high")).isEqualTo(AlertSeverity.ERROR);
    assertThat(WebhookAlerts.severity("warn")).isEqualTo(AlertSeverity.WARNING);
    assertThat(WebhookAlerts.severity("info")).isEqualTo(AlertSeverity.INFO);
    assertThat(WebhookAlerts.severity("none")).isEqualTo(AlertSeverity.INFO);
    assertThat(WebhookAlerts.severity("disaster")).isEqualTo(AlertSeverity.WARNING);
    assertThat(WebhookAlerts.severity(null)).isEqualTo(AlertSeverity.WARNING);
  }

  @Test
  void aSummaryOverTheLimitIsShortenedNotRefused() {
    String body =
        """
        {"version": "4", "alerts": [{"status": "firing", "labels": {"alertname": "Long"},
          "annotations": {"summary": "%s"}}]}
        """
            .formatted("s".repeat(5000));
    WebhookParser.Parsed parsed =
        new WebhookParser(WebhookFormat.ALERTMANAGER).parse(body.getBytes(StandardCharsets.UTF_8));

    Alert alert =
        new WebhookAlerts(WebhookFormat.ALERTMANAGER, () -> ID)
            .toAlerts(parsed.batch(), "payments", RECEIVED)
            .get(0);

    assertThat(alert.summary()).hasSize(Alert.MAX_SUMMARY_LENGTH).endsWith("s…");
    assertThat(alert.occurredAt()).isEqualTo(RECEIVED);
  }
}
