package io.vigil.ticketstore;

import static io.vigil.ticketstore.Events.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.schemas.Channel;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaMetric;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.WithKafkaStack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ticket store against a real broker, registry and database: events sent on three topics show
 * up, in order, in the incident's timeline over REST; an unreadable record is dead-lettered and the
 * records behind it are still applied; commands are on Kafka before their 202 and their answers are
 * read back; SLA and change events show on the incident. The consumers' error handling is in {@code
 * feed.FeedConsumersIT}.
 */
@WithKafkaStack
class TicketStoreIT {

  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static TestDatabase database;
  private static EmbeddedServer server;
  private static HttpClient client;
  private static BlockingHttpClient http;

  @BeforeAll
  static void start(KafkaStack stack) {
    database = TestDatabase.create();
    Map<String, Object> properties = database.serverProperties(stack);
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    client = HttpClient.create(server.getURL());
    http = client.toBlocking();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.getApplicationContext().close();
    database.close();
  }

  @Test
  void eventsFromThreeTopicsMakeOneTimelineInTheOrderTheyHappened(KafkaStack stack) {
    String incident = "inc-" + UUID.randomUUID();

    stack.send(
        Topics.NOTIFICATIONS,
        "alice",
        Events.delivery(
            incident, "alice", Channel.WEBHOOK, DeliveryOutcome.DELIVERED, T0.plusMillis(800)));
    stack.send(
        Topics.ESCALATIONS,
        incident,
        Events.fired(
            incident, 1, List.of(user("alice", "schedule:payments-primary")), T0.plusMillis(300)));
    stack.send(Topics.INCIDENTS, incident, Events.opened(incident, "payments", T0));
    stack.send(Topics.INCIDENTS, incident, Events.opened(incident, "payments", T0));

    String body = awaitTimelineOf(incident, 3);

    assertThat(body)
        .contains("\"status\":\"TRIGGERED\",\"priority\":\"P1\"")
        .endsWith(
            "\"timeline\":["
                + "{\"at\":\""
                + T0
                + "\",\"kind\":\"OPENED\",\"actor\":\"classifier\","
                + "\"summary\":\"opened \\\"CPU above 90% on payments\\\" as P1 critical, high urgency\"},"
                + "{\"at\":\""
                + T0.plusMillis(300)
                + "\",\"kind\":\"PAGED\",\"actor\":\"escalation\","
                + "\"summary\":\"paged alice (level 1, via schedule:payments-primary)\"},"
                + "{\"at\":\""
                + T0.plusMillis(800)
                + "\",\"kind\":\"DELIVERED\",\"actor\":\"notifier\","
                + "\"summary\":\"delivered to alice by webhook\"}],"
                + "\"sla\":{\"timeToAcknowledgeMillis\":null,\"timeToResolveMillis\":null,"
                + "\"breaches\":[]},\"recentChanges\":[]}");
  }

  @Test
  void aCommandIsOnKafkaBeforeThe202AndItsAnswerIsReadFromTheIncidents(KafkaStack stack) {
    String incident = "inc-" + UUID.randomUUID();
    stack.send(Topics.INCIDENTS, incident, Events.opened(incident, "payments", T0));
    awaitTimelineOf(incident, 1);

    String ack = command(incident, "acknowledge", "{}");
    String note = command(incident, "notes", "{\"text\":\"rolled back 1.42\"}");

    try (AvroTopicReader<IncidentCommand> commands = stack.reader(Topics.INCIDENT_COMMANDS)) {
      IncidentCommand sent =
          commands.awaitValue("the acknowledgement " + ack, c -> c.getCommandId().equals(ack));
      assertThat(sent.getIncidentId()).isEqualTo(incident);
      assertThat(sent.getAction()).isEqualTo(CommandAction.ACKNOWLEDGE);
      assertThat(sent.getActor()).isEqualTo("bootstrap-admin");
      assertThat(
              commands.awaitValue("the note " + note, c -> c.getCommandId().equals(note)).getNote())
          .isEqualTo("rolled back 1.42");
      assertThat(commands.received())
          .filteredOn(r -> r.value().getCommandId().equals(ack))
          .extracting(r -> r.key())
          .containsExactly(incident);
    }
    assertThat(http.retrieve("/api/v1/commands/" + ack)).contains("\"status\":\"pending\"");

    stack.send(
        Topics.INCIDENTS, incident, Events.acknowledgedBy(incident, ack, "bootstrap-admin", T0));
    stack.send(
        Topics.INCIDENTS,
        incident,
        Events.rejected(incident, note, "ADD_NOTE", "bootstrap-admin", "incident is merged", T0));

    awaitCommand(ack, "\"status\":\"applied\"");
    assertThat(awaitCommand(note, "\"status\":\"rejected\""))
        .contains("\"reason\":\"incident is merged\"");
  }

  @Test
  void slaMeasurementsAndRecentChangesShowOnTheIncident(KafkaStack stack) {
    String incident = "inc-" + UUID.randomUUID();
    String service = "svc-" + UUID.randomUUID();
    stack.send(
        Topics.CHANGES,
        service,
        Events.change("chg-" + incident, service, "deploy 1.42", T0.minusSeconds(600)));
    stack.send(Topics.INCIDENTS, incident, Events.opened(incident, service, T0));
    stack.send(
        Topics.SLA,
        service,
        Events.responseTime(
            service,
            incident,
            Priority.P1,
            SlaMetric.TIME_TO_ACKNOWLEDGE,
            90_000,
            T0.plusSeconds(90)));
    stack.send(
        Topics.SLA,
        service,
        Events.breach(
            service,
            incident,
            Priority.P1,
            SlaMetric.TIME_TO_RESOLVE,
            3_600_000,
            T0.plusSeconds(3600)));

    String body = awaitTimelineOf(incident, 2);
    Awaitility.await("the SLA and change of " + incident)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              String detail = http.retrieve("/api/v1/incidents/" + incident);
              return detail.contains("\"timeToAcknowledgeMillis\":90000")
                  && detail.contains("\"summary\":\"deploy 1.42\"");
            });
    assertThat(body).contains("\"kind\":\"SLA_BREACHED\"");
  }

  private static String command(String incident, String action, String body) {
    HttpResponse<String> response =
        http.exchange(
            HttpRequest.POST("/api/v1/incidents/" + incident + "/" + action, body)
                .contentType("application/json")
                .bearerAuth("vigil-local-admin-token"),
            String.class);
    assertThat(response.getStatus().getCode()).isEqualTo(202);
    String text = response.body();
    return text.substring(text.indexOf("\"commandId\":\"") + 13, text.indexOf("\",\"status\""));
  }

  private static String awaitCommand(String id, String expected) {
    String[] body = new String[1];
    Awaitility.await("command " + id + " " + expected)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> (body[0] = http.retrieve("/api/v1/commands/" + id)).contains(expected));
    return body[0];
  }

  @Test
  void anUnreadableRecordIsDeadLetteredAndTheNextOneIsStillApplied(KafkaStack stack)
      throws Exception {
    String incident = "inc-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      raw.send(
              new ProducerRecord<>(
                  Topics.INCIDENTS.name(), incident, "not avro".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    stack.send(Topics.INCIDENTS, incident, Events.opened(incident, "payments", T0));

    try (AvroTopicReader<DeadLetter> deadLetters = stack.reader(Topics.DEAD_LETTERS)) {
      DeadLetter letter =
          deadLetters.awaitValue(
              "the unreadable record of " + incident,
              d -> d.getKey() != null && incident.equals(text(d.getKey())));
      assertThat(letter.getOriginTopic()).isEqualTo("vigil.incidents.v1");
      assertThat(letter.getApplication()).isEqualTo("ticket-store");
      assertThat(text(letter.getValue())).isEqualTo("not avro");
      assertThat(letter.getReason()).contains("not in the Confluent wire format");
    }
    assertThat(awaitTimelineOf(incident, 1)).contains("\"kind\":\"OPENED\"");
  }

  private static String text(ByteBuffer bytes) {
    return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
  }

  @Test
  void healthIsUpWithTheBrokerAndDatabaseReachable() {
    Awaitility.await("GET /health answers 200")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> http.exchange("/health").getStatus().getCode() == 200);
  }

  /** Polls the REST API until the incident exists with {@code lines} timeline lines. */
  private static String awaitTimelineOf(String incident, int lines) {
    String[] body = new String[1];
    Awaitility.await("incident " + incident + " with " + lines + " timeline lines")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              try {
                body[0] = http.retrieve("/api/v1/incidents/" + incident);
              } catch (HttpClientResponseException e) {
                return false;
              }
              return body[0].split("\"kind\":").length - 1 == lines;
            });
    return body[0];
  }
}
