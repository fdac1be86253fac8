package io.vigil.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Vigil's alerts about itself use metrics that exist: the services' own meters are found in their
 * code, the Kafka ones come from the Kafka Exporter the cluster enables, and the few the services
 * do not export yet are listed here (and fail once they do, so the list stays true).
 */
class MonitoringManifestsTest {

  private static final Manifests MANIFESTS = new Manifests(ServiceCode.repo());

  /** Meters the rules use that no service exports yet (dotted Micrometer names). */
  static final Set<String> NOT_YET_EXPORTED = Set.of();

  /** Strimzi's Kafka Exporter. */
  private static final Set<String> KAFKA_EXPORTER =
      Set.of("kafka_consumergroup_lag", "kafka_topic_partition_current_offset");

  /** Prometheus' own and Micronaut's HTTP server meters (seen on alert-ingest's /prometheus). */
  private static final Set<String> STANDARD = Set.of("up", "http_server_requests_seconds_count");

  private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*(\\{|\\[)");

  @Test
  void everyAlertUsesAMetricThatExists() {
    Set<String> rules = new TreeSet<>();
    for (JsonNode rule : rules()) {
      rules.add(rule.path("alert").asText());
      Matcher m = METRIC.matcher(rule.path("expr").asText());
      while (m.find()) {
        String metric = m.group(1);
        if (Set.of("rate", "increase", "sum", "by", "histogram_quantile").contains(metric)) {
          continue;
        }
        if (metric.startsWith("vigil_")) {
          String meter = meterName(metric);
          boolean exported =
              TopicAccess.SERVICES.stream()
                  .anyMatch(
                      s -> new ServiceCode(ServiceCode.repo(), s).mentions('"' + meter + '"'));
          if (NOT_YET_EXPORTED.contains(meter)) {
            assertThat(exported)
                .as("%s is exported now: remove it from NOT_YET_EXPORTED", meter)
                .isFalse();
          } else {
            assertThat(exported).as("no service exports %s (%s)", meter, metric).isTrue();
          }
        } else {
          assertThat(KAFKA_EXPORTER.contains(metric) || STANDARD.contains(metric))
              .as("alert %s uses unknown metric %s", rule.path("alert").asText(), metric)
              .isTrue();
        }
      }
      assertThat(rule.path("labels").path("severity").asText()).isIn("critical", "warning");
      assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
      assertThat(rule.path("annotations").path("description").asText()).isNotBlank();
    }
    assertThat(rules)
        .contains(
            "VigilConsumerLagHigh",
            "VigilEscalationsLate",
            "VigilDeadLetters",
            "VigilNotificationFailures");
  }

  @Test
  void prometheusScrapesEveryServiceWhereItServesMetrics() {
    JsonNode monitor = MANIFESTS.get("ServiceMonitor", "vigil-services").spec();
    String component =
        monitor.path("selector").path("matchLabels").path("app.kubernetes.io/component").asText();
    JsonNode endpoint = monitor.path("endpoints").get(0);
    assertThat(endpoint.path("path").asText()).isEqualTo("/prometheus");
    for (String service : TopicAccess.SERVICES) {
      Manifest svc = MANIFESTS.get("Service", service);
      assertThat(
              svc.node()
                  .path("metadata")
                  .path("labels")
                  .path("app.kubernetes.io/component")
                  .asText())
          .as(service)
          .isEqualTo(component);
      assertThat(svc.spec().path("ports").get(0).path("name").asText())
          .isEqualTo(endpoint.path("port").asText());
    }
  }

  @Test
  void theKafkaExporterWatchesEveryVigilGroupAndTopic() {
    JsonNode exporter = MANIFESTS.get("Kafka", "vigil").spec().path("kafkaExporter");
    Pattern groups = Pattern.compile(exporter.path("groupRegex").asText());
    Pattern topics = Pattern.compile(exporter.path("topicRegex").asText());
    for (String service : TopicAccess.SERVICES) {
      ServiceCode code = new ServiceCode(ServiceCode.repo(), service);
      code.groupIds().forEach(g -> assertThat(groups.matcher(g).matches()).as(g).isTrue());
      code.applicationIds().forEach(a -> assertThat(groups.matcher(a).matches()).as(a).isTrue());
    }
    assertThat(topics.matcher("vigil.dead-letters.v1").matches()).isTrue();
  }

  /**
   * {@code vigil_escalation_timer_lateness_seconds_bucket} is the meter {@code
   * vigil.escalation.timer.lateness}.
   */
  static String meterName(String metric) {
    String base =
        metric.replaceAll("_(bucket|count|sum|max|total)$", "").replaceAll("_seconds$", "");
    return base.replace('_', '.');
  }

  private static Iterable<JsonNode> rules() {
    JsonNode rules =
        MANIFESTS.get("PrometheusRule", "vigil").spec().path("groups").get(0).path("rules");
    return rules::elements;
  }
}
