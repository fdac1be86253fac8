package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.ingest.auth.Signatures;
import io.vigil.ingest.pagerduty.Samples;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.ChangeEvent;
import io.vigil.schemas.Link;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Alertmanager, Grafana, change and heartbeat endpoints against the real broker and registry:
 * each produces exactly the expected Avro record, and each kind of bad input gets its specific
 * answer over HTTP, never a 500.
 */
@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationsIT {

  private static final String AM_KEY = "22222222222222222222222222222222";
  private static final String GRAFANA_KEY = "33333333333333333333333333333333";

  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedServer server;

  @BeforeAll
  void startService(KafkaStack stack) {
    server = EnqueueIT.startIngest(stack.bootstrapServers(), stack.schemaRegistryUrl());
  }

  @AfterAll
  void stopService() {
    if (server != null) {
      server.getApplicationContext().close();
    }
  }

  private HttpResponse<String> post(String path, String bearer, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.getURI().resolve(path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String bearer, String body, String... headers)
      throws Exception {
    return post(path, bearer, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The sample with its fingerprints made unique, so runs on a shared broker do not collide. */
  private static String unique(String sample, String... fingerprints) {
    String out = sample;
    for (String f : fingerprints) {
      out = out.replace(f, f + "-" + UUID.randomUUID());
    }
    return out;
  }

  @Test
  void alertmanagerBatchBecomesOneAlertRecordPerEntry(KafkaStack stack) throws Exception {
    String body =
        unique(
            Samples.read("alertmanager/firing-and-resolved.json"),
            "1a30ba71cca2921f",
            "7b2d9c40aa61e3f5");
    String firing = body.replaceAll("(?s).*\"(1a30ba71cca2921f-[0-9a-f-]+)\".*", "$1");
    String resolved = body.replaceAll("(?s).*\"(7b2d9c40aa61e3f5-[0-9a-f-]+)\".*", "$1");

    HttpResponse<String> response = post("/integrations/alertmanager", AM_KEY, body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"success\",\"message\":\"2 alerts processed\",\"dedup_keys\":[\""
                + firing
                + "\",\""
                + resolved
                + "\"]}");
    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      AlertEvent trigger = reader.awaitKey(Topics.alertKey("payments", firing));
      assertThat(trigger)
          .isEqualTo(
              AlertEvent.newBuilder()
                  .setEventId(trigger.getEventId())
                  .setAction(AlertAction.TRIGGER)
                  .setServiceId("payments")
                  .setDedupKey(firing)
                  .setSourceFormat(SourceFormat.ALERTMANAGER)
                  .setSeverity(Severity.CRITICAL)
                  .setSummary("BlackBox Probe Failure: https://server.example.org")
                  .setSource("https://server.example.org")
                  .setLabels(
                      Map.of(
                          "alertname", "ProbeFailure",
                          "instance", "https://server.example.org",
                          "job", "http_checks",
                          "monitor", "master",
                          "severity", "critical"))
                  .setCustomDetailsJson(trigger.getCustomDetailsJson())
                  .setLinks(
                      List.of(
                          Link.newBuilder()
                              .setHref(
                                  "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1")
                              .setText("Prometheus graph")
                              .build(),
                          Link.newBuilder()
                              .setHref("https://runbooks.example.org/probe-failure")
                              .setText("Runbook")
                              .build()))
                  .setClient("Prometheus Alertmanager")
                  .setClientUrl("http://alertmanager.example.org:9093")
                  .setOccurredAt(Instant.parse("2026-02-06T13:08:45.828Z"))
                  .setReceivedAt(trigger.getReceivedAt())
                  .build());
      assertThat(trigger.getCustomDetailsJson()).contains("\"receiver\":\"vigil\"");
      AlertEvent resolve = reader.awaitKey(Topics.alertKey("payments", resolved));
      assertThat(resolve.getAction()).isEqualTo(AlertAction.RESOLVE);
      assertThat(resolve.getOccurredAt()).isEqualTo(Instant.parse("2026-02-06T06:05:00Z"));
      assertThat(
              reader.received().stream()
                  .filter(r -> r.key().endsWith(firing) || r.key().endsWith(resolved))
                  .count())
          .isEqualTo(2);
    }
  }

  @Test
  void grafanaAlertsCarryTheirGrafanaLinks(KafkaStack stack) throws Exception {
    String body =
        unique(Samples.read("grafana/firing.json"), "c6eadffa33fcdf37", "bc97ff14869b13e3");
    String firing = body.replaceAll("(?s).*\"(c6eadffa33fcdf37-[0-9a-f-]+)\".*", "$1");

    HttpResponse<String> response = post("/integrations/grafana", GRAFANA_KEY, body);

    assertThat(response.statusCode()).isEqualTo(202);
    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      AlertEvent event = reader.awaitKey(Topics.alertKey("payments", firing));
      assertThat(event.getSourceFormat()).isEqualTo(SourceFormat.GRAFANA);
      assertThat(event.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(event.getSummary()).isEqualTo("This alert was triggered for zone us-1");
      assertThat(event.getLinks().stream().map(Link::getText).toList())
          .containsExactly("Alert rule", "Dashboard", "Panel", "Silence", "Runbook");
    }
  }

  @Test
  void aSignedGrafanaRequestIsAcceptedAndAnUnsignedOneRefused() throws Exception {
    String key = "66666666666666666666666666666666";
    byte[] body = Samples.read("grafana/firing.json").getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(Instant.now().getEpochSecond());
    String signature = HexFormat.of().formatHex(Signatures.sign("s3cret-s3cret-s3cret", ts, body));

    HttpResponse<String> unsigned = post("/integrations/grafana", key, body);
    HttpResponse<String> signed =
        post(
            "/integrations/grafana",
            key,
            body,
            "X-Grafana-Alerting-Signature",
            signature,
            "X-Grafana-Alerting-Timestamp",
            ts);

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).contains("this integration requires a signed request");
    assertThat(signed.statusCode()).isEqualTo(202);
  }

  @Test
  void aChangeEventGoesToTheChangesTopic(KafkaStack stack) throws Exception {
    String summary = "Deploy " + UUID.randomUUID();
    String body =
        Samples.read("pagerduty/change-build.json")
            .replace("Build Success: Increase snapshot create timeout to 30 seconds", summary);

    HttpResponse<String> response = post("/v2/change/enqueue", null, body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body())
        .isEqualTo("{\"status\":\"success\",\"message\":\"Change event processed\"}");
    try (AvroTopicReader<ChangeEvent> reader = stack.reader(Topics.CHANGES)) {
      ChangeEvent change = reader.awaitValue(summary, c -> summary.equals(c.getSummary()));
      assertThat(change)
          .isEqualTo(
              ChangeEvent.newBuilder()
                  .setEventId(change.getEventId())
                  .setServiceId("payments")
                  .setSummary(summary)
                  .setSource("acme-build-pipeline-tool-default-i-9999")
                  .setCustomDetailsJson(
                      "{\"build_state\":\"passed\",\"build_number\":\"2\",\"run_time\":\"1236s\"}")
                  .setLinks(
                      List.of(
                          Link.newBuilder()
                              .setHref("https://acme.example.dev/build/2")
                              .setText("View more details in Acme!")
                              .build()))
                  .setOccurredAt(Instant.parse("2026-07-17T08:42:58.315Z"))
                  .setReceivedAt(change.getReceivedAt())
                  .build());
      assertThat(
              reader.received().stream()
                  .filter(r -> summary.equals(r.value().getSummary()))
                  .map(r -> r.key())
                  .toList())
          .containsExactly("payments");
    }
  }

  @Test
  void aHeartbeatIsAHeartbeatAlertKeyedByItsId(KafkaStack stack) throws Exception {
    Instant before = Instant.now();

    HttpResponse<String> response =
        post("/v2/heartbeat/nightly-backup?routing_key=11111111111111111111111111111111", null, "");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"success\",\"message\":\"Heartbeat recorded\","
                + "\"dedup_key\":\"nightly-backup\"}");
    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      AlertEvent beat =
          reader.awaitValue(
              "a heartbeat received after " + before,
              a ->
                  a.getAction() == AlertAction.HEARTBEAT
                      && !a.getReceivedAt().isBefore(before.minusMillis(1)));
      assertThat(beat.getDedupKey()).isEqualTo("nightly-backup");
      assertThat(beat.getServiceId()).isEqualTo("payments");
      assertThat(beat.getSourceFormat()).isEqualTo(SourceFormat.EVENTS_V2);
    }
    assertThat(post("/v2/heartbeat/unknown-job", AM_KEY, "").statusCode()).isEqualTo(404);
  }

  @Test
  void keysAreRefusedWithTheReason() throws Exception {
    String body = Samples.read("alertmanager/firing-and-resolved.json");

    HttpResponse<String> missing = post("/integrations/alertmanager", null, body);
    HttpResponse<String> malformed = post("/integrations/alertmanager", "not-a-key", body);
    HttpResponse<String> wrongFormat = post("/integrations/alertmanager", GRAFANA_KEY, body);

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vigil\"");
    assertThat(missing.body())
        .isEqualTo(
            "{\"status\":\"unauthorized\",\"message\":\"no integration key: send the header"
                + " Authorization: Bearer <integration key>\"}");
    assertThat(malformed.statusCode()).isEqualTo(401);
    assertThat(malformed.body()).contains("must be 32 lower-case hex characters");
    assertThat(wrongFormat.statusCode()).isEqualTo(403);
    assertThat(wrongFormat.body()).contains("send grafana requests to /integrations/grafana");
  }

  @Test
  void overTheRateLimitIs429WithRetryAfter() throws Exception {
    String key = "55555555555555555555555555555555";
    String body = Samples.read("alertmanager/firing-and-resolved.json");

    HttpResponse<String> first = post("/integrations/alertmanager", key, body);
    HttpResponse<String> second = post("/integrations/alertmanager", key, body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 2));
    assertThat(second.body()).startsWith("{\"status\":\"throttle event\",\"message\":\"Too many");
  }

  @Test
  void invalidUtf8Is400() throws Exception {
    byte[] body = "{\"alerts\": [], \"receiver\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    body[body.length - 3] = (byte) 0x28;

    HttpResponse<String> response = post("/integrations/alertmanager", AM_KEY, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Request body is not valid UTF-8 (bad byte 0xC3");
  }

  @Test
  void tenThousandDeepNestingIs400() throws Exception {
    String deep = "{\"alerts\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    HttpResponse<String> response = post("/integrations/alertmanager", AM_KEY, deep);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("deeper than 32 levels (the limit)");
  }

  @Test
  void tenThousandLabelsIs400() throws Exception {
    String labels =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "\"l" + i + "\": \"v\"")
            .collect(Collectors.joining(",", "{", "}"));
    String body =
        "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":" + labels + "}]}";

    HttpResponse<String> response = post("/integrations/alertmanager", AM_KEY, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":"
                + "[\"'alerts[0].labels' has 10000 entries; at most 128 are accepted\"]}");
  }

  @Test
  void aWebhookBodyOver512KbIs413() throws Exception {
    String body =
        "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\""
            + "x".repeat(600 * 1024)
            + "\"}}]}";

    HttpResponse<String> response = post("/integrations/grafana", GRAFANA_KEY, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("larger than 512 KB (524288 bytes, the limit)");
  }

  @Test
  void metricsCountAcceptedAndRejectedAlertsAndRequestLatency() throws Exception {
    post(
        "/integrations/alertmanager",
        AM_KEY,
        unique(
            Samples.read("alertmanager/firing-and-resolved.json"),
            "1a30ba71cca2921f",
            "7b2d9c40aa61e3f5"));
    post("/integrations/alertmanager", "f".repeat(32), "{}");

    String metrics = get("/prometheus").body();

    assertThat(metrics)
        .containsPattern(
            "vigil_ingest_alerts_accepted_total\\{format=\"alertmanager\",service=\"payments\"\\}"
                + " [1-9]")
        .containsPattern(
            "vigil_ingest_alerts_rejected_total\\{format=\"alertmanager\",reason=\"key_unknown\","
                + "service=\"unknown\"\\} [1-9]")
        .contains("vigil_ingest_request_seconds_bucket{format=\"alertmanager\"")
        .contains("vigil_ingest_kafka_send_seconds_count");
  }

  @Test
  void theServiceServesItsOpenApiDocumentAndHealth() throws Exception {
    HttpResponse<String> doc = get("/openapi.yml");
    HttpResponse<String> health = get("/health");

    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    assertThat(doc.body()).contains("/integrations/alertmanager:", "/v2/heartbeat/{id}:");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"kafka\"");
  }

  @Test
  void withKafkaDownAWebhookGets503WithRetryAfter(KafkaStack stack) throws Exception {
    EmbeddedServer orphan =
        EnqueueIT.startIngest("127.0.0.1:" + Ports.free(), stack.schemaRegistryUrl());
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(orphan.getURI() + "/integrations/alertmanager"))
                  .header("Authorization", "Bearer " + AM_KEY)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Samples.read("alertmanager/firing-and-resolved.json")))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(response.body()).contains("nothing was stored, retry later");
    } finally {
      orphan.getApplicationContext().close();
    }
  }
}
