package io.vigil.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.schemas.Channel;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
  record Post(String path, String deliveryId, String body, String signature) {

    Post(String path, String deliveryId, String body) {
      this(path, deliveryId, body, null);
    }
  }

  /** The secrets ivy's webhook is signed with: old and new, during a rotation. */
  private static final String OLD_SECRET = "ivy-old-secret-0123456789";

  private static final String NEW_SECRET = "ivy-new-secret-0123456789";

  private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Post> provider = new ConcurrentLinkedQueue<>();
  private final AtomicInteger providerFailures = new AtomicInteger(3);
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer receiver;
  private HttpServer smsProvider;
  private GreenMail smtp;
  private EmbeddedServer notifier;
  private volatile String ivyEvent;

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
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst("Vigil-Signature")));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    // The Twilio-compatible provider: HTTP 500 for the first three requests, then 201.
    smsProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    smsProvider.createContext(
        "/",
        exchange -> {
          provider.add(
              new Post(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          boolean fail = providerFailures.getAndDecrement() > 0;
          byte[] body =
              (fail ? "{\"code\":20500}" : "{\"sid\":\"SM1\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(fail ? 500 : 201, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    smsProvider.start();
    smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
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
          - id: carol
            contactMethods:
              - { id: carol-sms, type: sms, number: "+6281200000003" }
            notificationRules:
              high: [ { contactMethod: carol-sms, after: 0s } ]
          - id: dave
            contactMethods:
              - { id: dave-now, type: webhook, url: "%1$s/dave-now" }
              - { id: dave-later, type: webhook, url: "%1$s/dave-later" }
            notificationRules:
              high: [ { contactMethod: dave-now, after: 0s }, { contactMethod: dave-later, after: 3s } ]
          - id: ivy
            contactMethods:
              - { id: ivy-hook, type: webhook, url: "%1$s/ivy-hook", secrets: ["%2$s", "%3$s"] }
              - { id: ivy-slack, type: slack, url: "%1$s/ivy-slack" }
              - { id: ivy-teams, type: teams, url: "%1$s/ivy-teams" }
            notificationRules:
              high: [ { contactMethod: ivy-hook, after: 0s }, { contactMethod: ivy-slack, after: 0s },
                      { contactMethod: ivy-teams, after: 0s } ]
        """
            .formatted(hooks, OLD_SECRET, NEW_SECRET));
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
            Map.ofEntries(
                Map.<String, Object>entry("micronaut.server.port", Ports.free()),
                Map.<String, Object>entry("kafka.bootstrap.servers", stack.bootstrapServers()),
                Map.<String, Object>entry("vigil.schema-registry-url", stack.schemaRegistryUrl()),
                Map.<String, Object>entry("vigil.config-file", config.toString()),
                Map.<String, Object>entry(
                    "vigil.streams.state-dir", Files.createTempDirectory("notifier-it").toString()),
                Map.<String, Object>entry("vigil.notifier.delivery.digest-interval", "0s"),
                Map.<String, Object>entry("vigil.notifier.delivery.backoff", "50ms"),
                Map.<String, Object>entry("vigil.notifier.email.host", "127.0.0.1"),
                Map.<String, Object>entry("vigil.notifier.email.port", smtp.getSmtp().getPort()),
                Map.<String, Object>entry("vigil.notifier.email.starttls", false),
                Map.<String, Object>entry(
                    "vigil.notifier.sms.base-url",
                    "http://127.0.0.1:" + smsProvider.getAddress().getPort()),
                Map.<String, Object>entry("vigil.notifier.sms.account-sid", "AC123"),
                Map.<String, Object>entry("vigil.notifier.sms.auth-token", "token"),
                Map.<String, Object>entry("vigil.notifier.sms.from", "+15005550006")));
  }

  @AfterAll
  void stop() {
    if (notifier != null) {
      notifier.getApplicationContext().close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (smsProvider != null) {
      smsProvider.stop(0);
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static boolean is(NotificationEvent n, String attemptId, DeliveryOutcome outcome) {
    return n.getAttemptId().equals(attemptId) && n.getOutcome() == outcome;
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
    // Slack and Teams posts carry no delivery id; ivy's are the only ones on their paths.
    return posts.stream()
        .filter(
            p ->
                p.deliveryId() == null
                    ? p.path().startsWith("/ivy-") && eventId.equals(ivyEvent)
                    : p.deliveryId().startsWith(eventId + "/"))
        .toList();
  }

  @Test
  void anEscalationReachesTheWebhookAndTheMailboxOnceAndEveryStateIsOnKafka(KafkaStack stack)
      throws Exception {
    String eventId = "esc-" + UUID.randomUUID();
    String incidentId = "inc-" + UUID.randomUUID();

    stack.send(Topics.ESCALATIONS, incidentId, fired(eventId, incidentId, "alice"));

    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      String hook = eventId + "/alice/alice-hook/0";
      NotificationEvent delivered =
          results.awaitValue("DELIVERED " + hook, n -> is(n, hook, DeliveryOutcome.DELIVERED));
      assertThat(delivered.getDetail()).isEqualTo("HTTP 204");
      assertThat(delivered.getTries()).isEqualTo(1);
      assertThat(delivered.getChannel()).isEqualTo(Channel.WEBHOOK);
      assertThat(delivered.getIncidentId()).isEqualTo(incidentId);
      assertThat(delivered.getEscalationEventId()).isEqualTo(eventId);
      assertThat(delivered.getUserId()).isEqualTo("alice");
      String mail = eventId + "/alice/alice-mail/1";
      NotificationEvent mailed =
          results.awaitValue("DELIVERED " + mail, n -> is(n, mail, DeliveryOutcome.DELIVERED));
      assertThat(mailed.getDetail())
          .isEqualTo(
              "accepted by smtp:127.0.0.1:" + smtp.getSmtp().getPort() + " for alice@example.com");
      assertThat(
              results.values().stream()
                  .filter(n -> n.getAttemptId().equals(hook))
                  .map(NotificationEvent::getOutcome))
          .containsExactly(DeliveryOutcome.SENT, DeliveryOutcome.DELIVERED);
    }
    Post post = postsFor(eventId).get(0);
    assertThat(postsFor(eventId)).hasSize(1);
    assertThat(post.path()).isEqualTo("/alice");
    assertThat(post.deliveryId()).isEqualTo(eventId + "/alice/alice-hook/0");
    assertThat(post.body())
        .startsWith(
            "{\"incident_id\":\""
                + incidentId
                + "\",\"service_id\":\"payments\",\"title\":\"Disk 95% full on db-1\","
                + "\"priority\":\"P1\",\"urgency\":\"HIGH\",\"level\":1,\"round\":1,"
                + "\"user_id\":\"alice\",\"reason\":\"INITIAL\",\"event_id\":\""
                + eventId
                + "\",\"links\":{\"acknowledge\":\"http://127.0.0.1:8081/a/");
    MimeMessage email =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> header(m, "Vigil-Delivery-Id").equals(eventId + "/alice/alice-mail/1"))
            .findFirst()
            .orElseThrow();
    assertThat(email.getSubject()).isEqualTo("[Vigil] [P1] Disk 95% full on db-1");
    assertThat(email.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    MimeMultipart parts = (MimeMultipart) email.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<h2>[P1] Disk 95% full on db-1</h2>");
  }

  @Test
  void aReceiverVerifiesTheWebhookSignatureAndSlackAndTeamsGetTheirPayloads(KafkaStack stack)
      throws Exception {
    String eventId = "esc-" + UUID.randomUUID();
    String incidentId = "inc-" + UUID.randomUUID();
    ivyEvent = eventId;

    stack.send(Topics.ESCALATIONS, incidentId, fired(eventId, incidentId, "ivy"));

    await("ivy's three pages")
        .atMost(Duration.ofSeconds(30))
        .until(() -> postsFor(eventId).size() == 3);
    Post hook = onlyPostTo("/ivy-hook", eventId);
    // What a receiver does: take t and every v1, recompute HMAC-SHA256(secret, t + "." + raw body)
    // with the secret it holds, accept when one matches and t is recent.
    Map<String, List<String>> fields = signatureFields(hook.signature());
    long t = Long.parseLong(fields.get("t").get(0));
    assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
    assertThat(fields.get("v1"))
        .containsExactly(
            hmacHex(OLD_SECRET, t + "." + hook.body()), hmacHex(NEW_SECRET, t + "." + hook.body()));
    String ack =
        new ObjectMapper().readTree(hook.body()).path("links").path("acknowledge").asText();
    assertThat(ack).startsWith("http://127.0.0.1:8081/a/");

    JsonNode slack = new ObjectMapper().readTree(onlyPostTo("/ivy-slack", eventId).body());
    assertThat(slack.path("blocks").isArray()).isTrue();
    assertThat(slack.toString()).contains("Disk 95% full on db-1").contains("/a/");
    JsonNode teams = new ObjectMapper().readTree(onlyPostTo("/ivy-teams", eventId).body());
    assertThat(teams.path("type").asText()).isEqualTo("message");
    assertThat(teams.path("attachments").get(0).path("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(teams.toString()).contains("Disk 95% full on db-1").contains("Action.OpenUrl");
    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      for (String method : List.of("ivy-hook/0", "ivy-slack/1", "ivy-teams/2")) {
        String attempt = eventId + "/ivy/" + method;
        results.awaitValue("DELIVERED " + attempt, n -> is(n, attempt, DeliveryOutcome.DELIVERED));
      }
    }
  }

  private Post onlyPostTo(String path, String eventId) {
    List<Post> to = postsFor(eventId).stream().filter(p -> p.path().equals(path)).toList();
    assertThat(to).as(path).hasSize(1);
    return to.get(0);
  }

  /** {@code t=1,v1=a,v1=b} → {t: [1], v1: [a, b]}. */
  private static Map<String, List<String>> signatureFields(String header) {
    assertThat(header).as("Vigil-Signature").isNotNull();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      fields.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
    }
    return fields;
  }

  private static String hmacHex(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSmsProviderFailingForAWhileGetsRetriesThenOneMessage(KafkaStack stack) {
    String eventId = "esc-" + UUID.randomUUID();
    String incidentId = "inc-" + UUID.randomUUID();
    String attempt = eventId + "/carol/carol-sms/0";

    stack.send(Topics.ESCALATIONS, incidentId, fired(eventId, incidentId, "carol"));

    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      NotificationEvent delivered =
          results.awaitValue(
              "DELIVERED " + attempt, n -> is(n, attempt, DeliveryOutcome.DELIVERED));
      assertThat(delivered.getTries()).isEqualTo(4);
      assertThat(delivered.getDetail()).isEqualTo("provider accepted the SMS SM1");
      assertThat(delivered.getChannel()).isEqualTo(Channel.SMS);
      assertThat(
              results.values().stream()
                  .filter(n -> n.getAttemptId().equals(attempt))
                  .map(n -> n.getOutcome() + " " + n.getTries()))
          .containsExactly("SENT 1", "RETRYING 1", "RETRYING 2", "RETRYING 3", "DELIVERED 4");
    }
    assertThat(provider).hasSize(4);
    assertThat(provider).extracting(Post::deliveryId).containsOnly(attempt);
    assertThat(provider)
        .extracting(Post::path)
        .containsOnly("/2010-04-01/Accounts/AC123/Messages.json");
    assertThat(provider.peek().body())
        .contains("To=%2B6281200000003")
        .contains("From=%2B15005550006");
    await("no further SMS")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> provider.size() == 4);
  }

  @Test
  void aDelayedStepIsSentWhenDueUnlessTheIncidentIsAcknowledgedFirst(KafkaStack stack) {
    String paged = "inc-" + UUID.randomUUID();
    String acked = "inc-" + UUID.randomUUID();
    String pagedEvent = "esc-" + UUID.randomUUID();
    String ackedEvent = "esc-" + UUID.randomUUID();

    stack.send(Topics.ESCALATIONS, paged, fired(pagedEvent, paged, "dave"));
    stack.send(Topics.ESCALATIONS, acked, fired(ackedEvent, acked, "dave"));
    await("dave's first steps")
        .atMost(Duration.ofSeconds(30))
        .until(() -> postsFor(ackedEvent).size() == 1);
    stack.send(
        Topics.INCIDENTS,
        acked,
        IncidentEvent.newBuilder()
            .setEventId(acked + "/ack")
            .setIncidentId(acked)
            .setServiceId("payments")
            .setOccurredAt(Instant.now())
            .setEvent(IncidentAcknowledged.newBuilder().setActor("dave").build())
            .build());

    await("the delayed step of " + paged)
        .atMost(Duration.ofSeconds(30))
        .until(() -> postsFor(pagedEvent).size() == 2);
    assertThat(postsFor(pagedEvent))
        .extracting(Post::path)
        .containsExactly("/dave-now", "/dave-later");
    await("nothing more for the acknowledged " + acked)
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(8))
        .until(() -> postsFor(ackedEvent).size() == 1);
  }

  private static String header(MimeMessage m, String name) {
    try {
      String[] values = m.getHeader(name);
      return values == null ? "" : values[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
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
          "DELIVERED for " + last, n -> is(n, last + "/bob/bob-hook/0", DeliveryOutcome.DELIVERED));
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
      assertThat(letter.getApplication()).isEqualTo("vigil-notifier");
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
