package io.vigil.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.desk.DeskState;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceLaunch;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafkaStack
class ClassifierServiceIT {

  @Test
  void theServiceOpensAndGroupsAnIncidentFromAlertsOnTheRealBroker(
      KafkaStack stack, @TempDir Path state) throws Exception {
    int port = Ports.free();
    String dedupKey = "it-" + UUID.randomUUID();
    String first = UUID.randomUUID().toString();
    String incidentId = IncidentIds.incidentId(first);

    try (ServiceProcess classifier =
            ServiceProcess.forModule("classifier")
                .name("classifier-it")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env(
                    "VIGIL_CONFIG",
                    ServiceLaunch.repoRoot().resolve("deploy/local/vigil.yaml").toString())
                .env("VIGIL_STATE_DIR", state.toString())
                .env("PORT", String.valueOf(port))
                .start();
        AvroTopicReader<IncidentEvent> incidents = stack.reader(Topics.INCIDENTS)) {
      classifier.awaitHealthy(
          URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(90));

      stack.send(Topics.ALERTS, Topics.alertKey("payments", dedupKey), trigger(first, dedupKey));
      stack.send(
          Topics.ALERTS,
          Topics.alertKey("payments", dedupKey),
          trigger(UUID.randomUUID().toString(), dedupKey));

      List<ConsumerRecord<String, IncidentEvent>> mine =
          incidents
              .await(
                  "opened and grouped events of incident " + incidentId,
                  records -> records.stream().filter(r -> incidentId.equals(r.key())).count() >= 2,
                  Duration.ofSeconds(60))
              .stream()
              .filter(r -> incidentId.equals(r.key()))
              .toList();
      assertThat(mine)
          .extracting(r -> r.value().getEventId())
          .containsExactly(incidentId + "/opened", incidentId + "/grouped/2");
      IncidentOpened opened = (IncidentOpened) mine.get(0).value().getEvent();
      assertThat(opened.getPriority()).isEqualTo(Priority.P1);
      assertThat(opened.getEscalationPolicyId()).isEqualTo("payments");

      // The stores' changelogs are compacted soon enough to keep a restore after a crash short.
      try (Admin admin = Admin.create(stack.clientConfig())) {
        ConfigResource changelog =
            new ConfigResource(
                ConfigResource.Type.TOPIC,
                IncidentTopology.APPLICATION_ID + "-" + DeskState.INCIDENTS + "-changelog");
        Config config = admin.describeConfigs(List.of(changelog)).all().get().get(changelog);
        assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("300000");
        assertThat(config.get(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG).value())
            .isEqualTo("0.1");
      }

      HttpClient http = HttpClient.newHttpClient();
      assertThat(get(http, port, "/health")).isEqualTo(200);
      assertThat(get(http, port, "/prometheus")).isEqualTo(200);
    }
  }

  private static int get(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static AlertEvent trigger(String eventId, String dedupKey) {
    Instant now = Instant.now();
    return AlertEvent.newBuilder()
        .setEventId(eventId)
        .setAction(AlertAction.TRIGGER)
        .setServiceId("payments")
        .setDedupKey(dedupKey)
        .setSourceFormat(SourceFormat.KAFKA)
        .setSeverity(Severity.CRITICAL)
        .setSummary("Database down")
        .setOccurredAt(now)
        .setReceivedAt(now)
        .build();
  }
}
