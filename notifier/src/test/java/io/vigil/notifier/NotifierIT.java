package io.vigil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.schemas.Channel;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierIT {

  /** An attempt recorded before the notifier starts, as if by an earlier run. */
  private static final String RECORDED_BEFORE_START = "esc-recorded-" + UUID.randomUUID();

  /** One POST the receiver got. */
  record Post(String path, String deliveryId, String body) {}

  private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer receiver;
  private EmbeddedServer notifier;

  @BeforeAll
  void start(KafkaStack stack) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          posts.add(
              new Post(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort();
    Path config = Files.createTempFile("vigil-notifier-it", ".yaml");
    Files.writeString(
        config,
        """
        apiVersion: vigil/v1
        users:
          - id: alice
            name: Alice
            contactMethods:
              - { id: alice-hook, type: webhook, url: "%1$s/alice" }
              - { id: alice-mail, type: email, address: alice@example.com }
              - { id: alice-sms, type: sms, number: "+6281200000001" }
            notificationRules:
              high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-mail, after: 0s },
                      { contactMethod: alice-sms, after: 2m } ]
          - id: bob
            name: Bob
            contactMethods:
              - { id: bob-hook, type: webhook, url: "%1$s/bob" }
            notificationRules:
              high: [ { contactMethod: bob-hook, after: 0s } ]
        """
            .formatted(hooks));
    stack.send(
        Topics.NOTIFICATIONS,
        "bob",
        NotificationEvent.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setAttemptId(RECORDED_BEFORE_START + "/bob/bob-hook/0")
            .setIncidentId("inc-earlier")
            .setEscalationEventId(RECORDED_BEFORE_START)
            .setUserId("bob")
            .setContactMethodId("bob-hook")
            .setChannel(Channel.WEBHOOK)
            .setOutcome(DeliveryOutcome.DELIVERED)
            .setDetail("HTTP 204")
            .setOccurredAt(Instant.parse("2026-02-01T09:00:00Z"))
            .build());
    notifier =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port", Ports.free(),
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "vigil.schema-registry-url", stack.schemaRegistryUrl(),
                "vigil.config-file", config.toString()));
  }

  @AfterAll
  void stop() {
    if (notifier != null) {
      notifier.getApplicationContext().close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  static EscalationEvent fired(String eventId, String incidentId, String userId) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId("payments")
        .setOccurredAt(Instant.parse("2026-02-01T10:00:00Z"))
        .setEvent(
            EscalationFired.newBuilder()
                .setPolicyId("payments")
                .setLevel(1)
                .setRound(1)
                .setReason(EscalationReason.INITIAL)
                .setTargets(List.of(PagedUser.newBuilder().setUserId(userId).setVia(null).build()))
                .setTitle("Disk 95% full on db-1")
                .setPriority(Priority.P1)
                .setUrgency(Urgency.HIGH)
                .build())
        .build();
  }

  private List<Post> postsFor(String eventId) {
    return posts.stream().filter(p -> p.deliveryId().startsWith(eventId + "/")).toList();
  }

  @Test
  void anEscalationReachesTheWebhookOnceAndTheResultIsOnKafka(KafkaStack stack) {
    String eventId = "esc-" + UUID.randomUUID();
    String incidentId = "inc-" + UUID.randomUUID();

    stack.send(Topics.ESCALATIONS, incidentId, fired(eventId, incidentId, "alice"));

    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      NotificationEvent delivered =
          results.awaitValue(
              "DELIVERED for " + eventId,
              n -> n.getAttemptId().equals(eventId + "/alice/alice-hook/0"));
      assertThat(delivered.getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
      assertThat(delivered.getDetail()).isEqualTo("HTTP 204");
      assertThat(delivered.getTries()).isEqualTo(1);
      assertThat(delivered.getChannel()).isEqualTo(Channel.WEBHOOK);
      assertThat(delivered.getIncidentId()).isEqualTo(incidentId);
      assertThat(delivered.getEscalationEventId()).isEqualTo(eventId);
      assertThat(delivered.getUserId()).isEqualTo("alice");
      NotificationEvent skipped =
          results.awaitValue(
              "SKIPPED email for " + eventId,
              n -> n.getAttemptId().equals(eventId + "/alice/alice-mail/1"));
      assertThat(skipped.getOutcome()).isEqualTo(DeliveryOutcome.SKIPPED);
      assertThat(skipped.getDetail()).isEqualTo("channel email not yet supported");
    }
    assertThat(postsFor(eventId))
        .containsExactly(
            new Post(
                "/alice",
                eventId + "/alice/alice-hook/0",
                "{\"incident_id\":\""
                    + incidentId
                    + "\",\"service_id\":\"payments\",\"title\":\"Disk 95% full on db-1\","
                    + "\"priority\":\"P1\",\"urgency\":\"HIGH\",\"level\":1,\"round\":1,"
                    + "\"user_id\":\"alice\",\"reason\":\"INITIAL\",\"event_id\":\""
                    + eventId
                    + "\"}"));
  }

  @Test
  void redeliveriesAndRecordedAttemptsAreNotSentAndAnUnreadableRecordIsDeadLettered(
      KafkaStack stack) throws Exception {
    String incidentId = "inc-" + UUID.randomUUID();
    String first = "esc-" + UUID.randomUUID();
    String last = "esc-" + UUID.randomUUID();
    // One key, so one partition: the notifier sees these in this order.
    stack.send(Topics.ESCALATIONS, incidentId, fired(first, incidentId, "bob"));
    sendRaw(stack, incidentId, "not avro".getBytes(StandardCharsets.UTF_8));
    stack.send(Topics.ESCALATIONS, incidentId, fired(first, incidentId, "bob"));
    stack.send(Topics.ESCALATIONS, incidentId, fired(RECORDED_BEFORE_START, incidentId, "bob"));
    stack.send(Topics.ESCALATIONS, incidentId, fired(last, incidentId, "bob"));

    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      results.awaitValue(
          "DELIVERED for " + last, n -> n.getAttemptId().equals(last + "/bob/bob-hook/0"));
    }
    assertThat(posts.stream().filter(p -> p.path().equals("/bob")).map(Post::deliveryId))
        .containsExactly(first + "/bob/bob-hook/0", last + "/bob/bob-hook/0");
    try (AvroTopicReader<DeadLetter> deadLetters = stack.reader(Topics.DEAD_LETTERS)) {
      DeadLetter letter =
          deadLetters.awaitValue(
              "the unreadable escalation of " + incidentId,
              d ->
                  d.getKey() != null
                      && StandardCharsets.UTF_8
                          .decode(d.getKey().duplicate())
                          .toString()
                          .equals(incidentId));
      assertThat(letter.getOriginTopic()).isEqualTo(Topics.ESCALATIONS.name());
      assertThat(letter.getApplication()).isEqualTo("notifier");
      assertThat(StandardCharsets.UTF_8.decode(letter.getValue().duplicate()).toString())
          .isEqualTo("not avro");
    }
  }

  @Test
  void healthAndPrometheusAnswer200() throws Exception {
    for (String path : List.of("/health", "/prometheus")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(notifier.getURI().resolve(path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
  }

  private static void sendRaw(KafkaStack stack, String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ESCALATIONS.name(), key, value)).get();
    }
  }
}
