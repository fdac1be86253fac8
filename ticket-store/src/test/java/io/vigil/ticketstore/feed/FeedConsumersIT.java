package io.vigil.ticketstore.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.messaging.annotation.MessageMapping;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.WithKafkaStack;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ticket store's consumers against a real broker, registry and database: a record of unknown
 * shape, or one the database refuses even after the retries, is dead-lettered once and the rest of
 * its poll still applied; each consumer reads its topic in the group the deploy ACLs name, a poll
 * at a time and {@code read_committed}.
 */
@WithKafkaStack
class FeedConsumersIT {

  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static TestDatabase database;
  private static EmbeddedServer server;
  private static HttpClient client;
  private static BlockingHttpClient http;

  @BeforeAll
  static void start(KafkaStack stack) {
    database = TestDatabase.create();
    Map<String, Object> properties = database.serverProperties(stack);
    // A poll the database refuses is retried twice, quickly, before it is applied record by record.
    properties.put("vigil.feeds.retry-delay", "20ms");
    properties.put("vigil.feeds.retry-count", 2);
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
  void aRecordOfUnknownShapeIsDeadLetteredAndTheRestOfItsPollApplied(KafkaStack stack) {
    String before = "inc-" + UUID.randomUUID();
    String shapeless = "inc-" + UUID.randomUUID();
    String after = "inc-" + UUID.randomUUID();

    stack.send(Topics.INCIDENTS, before, Events.opened(before, "payments", T0));
    stack.send(Topics.INCIDENTS, shapeless, Events.opened(shapeless, "", T0));
    stack.send(Topics.INCIDENTS, after, Events.opened(after, "payments", T0));

    try (AvroTopicReader<DeadLetter> deadLetters = stack.reader(Topics.DEAD_LETTERS)) {
      DeadLetter letter =
          deadLetters.awaitValue(
              "the shapeless record of " + shapeless,
              d -> d.getKey() != null && shapeless.equals(text(d.getKey())));
      assertThat(letter.getOriginTopic()).isEqualTo("vigil.incidents.v1");
      assertThat(letter.getReason()).contains("serviceId must not be blank");
    }
    assertThat(awaitTimelineOf(before, 1)).contains("\"kind\":\"OPENED\"");
    assertThat(awaitTimelineOf(after, 1)).contains("\"kind\":\"OPENED\"");
  }

  @Test
  void aRecordTheDatabaseRefusesIsDeadLetteredAfterTheRetriesAndTheOthersAreApplied(
      KafkaStack stack) {
    String refused = "inc-" + UUID.randomUUID();
    String next = "inc-" + UUID.randomUUID();

    // A service id longer than its column: every try of the poll fails, then the record alone.
    stack.send(Topics.INCIDENTS, refused, Events.opened(refused, "s".repeat(300), T0));
    stack.send(Topics.INCIDENTS, next, Events.opened(next, "payments", T0));

    try (AvroTopicReader<DeadLetter> deadLetters = stack.reader(Topics.DEAD_LETTERS)) {
      DeadLetter letter =
          deadLetters.awaitValue(
              "the refused record of " + refused,
              d -> d.getKey() != null && refused.equals(text(d.getKey())));
      assertThat(letter.getReason())
          .startsWith("cannot apply incidents event " + refused + ":opened of incident " + refused);
      assertThat(awaitTimelineOf(next, 1)).contains("\"kind\":\"OPENED\"");
      // The record after it was applied, so the poll is done: the refused one went out once.
      assertThat(deadLetters.values())
          .filteredOn(d -> d.getKey() != null && refused.equals(text(d.getKey())))
          .hasSize(1);
    }
  }

  @Test
  void everyConsumerReadsCommittedRecordsAPollAtATimeInTheGroupsTheDeployAclsName(KafkaStack stack)
      throws Exception {
    record Consumer(Class<?> listener, String topic) {}
    Map<String, Consumer> groups =
        Map.of(
            "vigil-ticket-store-incidents",
            new Consumer(IncidentEventsListener.class, Topics.INCIDENTS.name()),
            "vigil-ticket-store-escalations",
            new Consumer(EscalationEventsListener.class, Topics.ESCALATIONS.name()),
            "vigil-ticket-store-notifications",
            new Consumer(NotificationEventsListener.class, Topics.NOTIFICATIONS.name()),
            "vigil-ticket-store-command-outcomes",
            new Consumer(
                io.vigil.ticketstore.command.CommandOutcomeListener.class, Topics.INCIDENTS.name()),
            "vigil-ticket-store-sla",
            new Consumer(io.vigil.ticketstore.sla.SlaEventsListener.class, Topics.SLA.name()),
            "vigil-ticket-store-changes",
            new Consumer(
                io.vigil.ticketstore.change.ChangeEventsListener.class, Topics.CHANGES.name()));
    for (Map.Entry<String, Consumer> e : groups.entrySet()) {
      io.micronaut.inject.BeanDefinition<?> listener =
          server.getApplicationContext().getBeanDefinition(e.getValue().listener());
      assertThat(listener.stringValue(KafkaListener.class, "groupId")).contains(e.getKey());
      assertThat(
              listener.getExecutableMethods().stream()
                  .filter(m -> m.hasAnnotation(Topic.class))
                  // @Topic's value is an alias of @MessageMapping's.
                  .flatMap(m -> java.util.Arrays.stream(m.stringValues(MessageMapping.class))))
          .containsExactly(e.getValue().topic());
      assertThat(listener.booleanValue(KafkaListener.class, "batch")).contains(true);
      assertThat(
              listener.getAnnotation(KafkaListener.class).getAnnotations("properties").stream()
                  .map(p -> p.stringValue("name").orElse("") + "=" + p.stringValue().orElse("")))
          .containsExactly("isolation.level=read_committed");
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      Awaitility.await("a member in each of the six consumer groups")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  admin.describeConsumerGroups(groups.keySet()).all().get().values().stream()
                      .allMatch(g -> !g.members().isEmpty()));
    }
  }

  private static String text(ByteBuffer bytes) {
    return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
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
