package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.localkafka.TopicProvisioner;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.Link;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnqueueIT {

  private static final String PAYMENTS_KEY = "11111111111111111111111111111111";

  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedServer server;

  @BeforeAll
  void startService(KafkaStack stack) {
    server = startIngest(stack.bootstrapServers(), stack.schemaRegistryUrl());
  }

  @AfterAll
  void stopService() {
    if (server != null) {
      server.getApplicationContext().close();
    }
  }

  static EmbeddedServer startIngest(String bootstrapServers, String registryUrl) {
    return ApplicationContext.run(
        EmbeddedServer.class,
        Map.of(
            "micronaut.server.port",
            Ports.free(),
            "kafka.bootstrap.servers",
            bootstrapServers,
            "vigil.schema-registry-url",
            registryUrl,
            "vigil.config-file",
            testConfig().toString()));
  }

  static Path testConfig() {
    try {
      return Path.of(EnqueueIT.class.getResource("/vigil-test.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(EmbeddedServer target, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(target.getURI().resolve("/v2/enqueue"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTriggerIsOnKafkaExactlyOnceWhenThe202Arrives(KafkaStack stack) throws Exception {
    String dedupKey = "disk-" + UUID.randomUUID();
    Instant before = Instant.now();

    HttpResponse<String> response =
        post(
            server,
            """
            {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
             "client": "Prometheus", "client_url": "http://prometheus:9090",
             "links": [{"href": "https://runbooks.example.com/disk", "text": "Runbook"}],
             "images": [{"src": "https://example.com/graph.png"}],
             "payload": {"summary": "Disk 95%% full on db-1", "source": "db-1",
                         "severity": "critical", "timestamp": "2026-01-05T09:00:00.000+0700",
                         "component": "postgres", "group": "db", "class": "disk",
                         "custom_details": {"free": "5%%", "mount": "/var"}}}
            """
                .formatted(PAYMENTS_KEY, dedupKey));
    Instant after = Instant.now();

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
                + dedupKey
                + "\"}");
    String key = Topics.alertKey("payments", dedupKey);
    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      List<ConsumerRecord<String, AlertEvent>> records =
          reader
              .await("the alert keyed " + key, rs -> rs.stream().anyMatch(r -> key.equals(r.key())))
              .stream()
              .filter(r -> key.equals(r.key()))
              .toList();
      assertThat(records).hasSize(1);
      // In the service's partition, where the classifier keeps its state: no repartition hop.
      assertThat(records.get(0).partition())
          .isEqualTo(Topics.servicePartition("payments", TopicProvisioner.PARTITIONS));
      List<AlertEvent> withKey = records.stream().map(ConsumerRecord::value).toList();
      AlertEvent actual = withKey.get(0);
      assertThat(UUID.fromString(actual.getEventId()).toString()).isEqualTo(actual.getEventId());
      assertThat(actual.getReceivedAt()).isBetween(before.minusMillis(1), after.plusMillis(1));
      assertThat(actual)
          .isEqualTo(
              AlertEvent.newBuilder()
                  .setEventId(actual.getEventId())
                  .setAction(AlertAction.TRIGGER)
                  .setServiceId("payments")
                  .setDedupKey(dedupKey)
                  .setSourceFormat(SourceFormat.EVENTS_V2)
                  .setSeverity(Severity.CRITICAL)
                  .setSummary("Disk 95% full on db-1")
                  .setSource("db-1")
                  .setComponent("postgres")
                  .setGroup("db")
                  .setAlertClass("disk")
                  .setLabels(Map.of("component", "postgres", "group", "db", "class", "disk"))
                  .setCustomDetailsJson("{\"free\":\"5%\",\"mount\":\"/var\"}")
                  .setLinks(
                      List.of(
                          Link.newBuilder()
                              .setHref("https://runbooks.example.com/disk")
                              .setText("Runbook")
                              .build()))
                  .setClient("Prometheus")
                  .setClientUrl("http://prometheus:9090")
                  .setOccurredAt(Instant.parse("2026-01-05T02:00:00Z"))
                  .setReceivedAt(actual.getReceivedAt())
                  .build());
    }
  }

  @Test
  void aTriggerWithoutDedupKeyGetsOneAndItIsTheRecordKey(KafkaStack stack) throws Exception {
    HttpResponse<String> response =
        post(
            server,
            """
            {"routing_key": "44444444444444444444444444444444", "event_action": "trigger",
             "payload": {"summary": "Checkout 5xx", "source": "checkout", "severity": "error"}}
            """);

    assertThat(response.statusCode()).isEqualTo(202);
    String dedupKey = response.body().replaceAll(".*\"dedup_key\":\"([0-9a-f]{32})\".*", "$1");
    assertThat(dedupKey).hasSize(32);
    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      AlertEvent event = reader.awaitKey(Topics.alertKey("checkout", dedupKey));
      assertThat(event.getSummary()).isEqualTo("Checkout 5xx");
      assertThat(event.getSeverity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void anInvalidTriggerGets400NamingEachBadField() throws Exception {
    HttpResponse<String> response =
        post(
            server,
            """
            {"routing_key": "%s", "event_action": "trigger",
             "payload": {"source": "db-1", "severity": "fatal"}}
            """
                .formatted(PAYMENTS_KEY));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":["
                + "\"'payload.summary' is missing or blank\","
                + "\"'payload.severity' is invalid (must be one of the following: 'critical',"
                + " 'error', 'warning' or 'info')\"]}");
  }

  @Test
  void anUnknownRoutingKeyGets400() throws Exception {
    HttpResponse<String> response =
        post(
            server,
            """
            {"routing_key": "ffffffffffffffffffffffffffffffff", "event_action": "trigger",
             "payload": {"summary": "x", "source": "y", "severity": "info"}}
            """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":["
                + "\"Invalid routing key: no events-v2 integration of any service has it; use the"
                + " integration key from the service's configuration\"]}");
  }

  @Test
  void malformedJsonGets400WithTheReason() throws Exception {
    HttpResponse<String> response = post(server, "{\"routing_key\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .startsWith(
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":["
                + "\"Request body is not valid JSON (line 1, column 17)");
  }

  @Test
  void aBodyOver512KbGets413() throws Exception {
    String body =
        """
        {"routing_key": "%s", "event_action": "trigger",
         "payload": {"summary": "big", "source": "y", "severity": "info",
                     "custom_details": {"blob": "%s"}}}
        """
            .formatted(PAYMENTS_KEY, "x".repeat(600 * 1024));

    HttpResponse<String> response = post(server, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"invalid event\",\"message\":\"Request body is larger than 512 KB"
                + " (524288 bytes, the limit); shorten custom_details or annotations, or send fewer"
                + " alerts per request (Alertmanager: max_alerts)\"}");
  }

  @Test
  void healthAndPrometheusAnswer200() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/prometheus").statusCode()).isEqualTo(200);
  }

  @Test
  void withKafkaDownTheSenderGets503WithinTenSeconds(KafkaStack stack) throws Exception {
    EmbeddedServer orphan = startIngest("127.0.0.1:" + Ports.free(), stack.schemaRegistryUrl());
    try {
      long start = System.nanoTime();
      HttpResponse<String> response =
          post(
              orphan,
              """
              {"routing_key": "%s", "event_action": "trigger",
               "payload": {"summary": "x", "source": "y", "severity": "info"}}
              """
                  .formatted(PAYMENTS_KEY));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(response.body()).startsWith("{\"status\":\"unavailable\",\"message\":\"Kafka did");
      assertThat(took).isLessThan(Duration.ofSeconds(10));
    } finally {
      orphan.getApplicationContext().close();
    }
  }
}
