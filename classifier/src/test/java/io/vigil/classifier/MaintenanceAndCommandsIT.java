package io.vigil.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier as its own JVM on the real broker: a command sent right behind the alert that
 * opens its incident applies, and alerts held by a maintenance window are listed by {@code GET
 * /maintenance/held} and counted on {@code /prometheus}.
 */
@WithKafkaStack
class MaintenanceAndCommandsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void commandsRightBehindTheOpeningApplyAndMaintenanceHeldAlertsAreVisible(
      KafkaStack stack, @TempDir Path dir) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String quiet = "maint-" + run;
    String busy = "cmds-" + run;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path config =
        Files.writeString(
            dir.resolve("vigil.yaml"),
            """
            apiVersion: vigil/v1
            users: [ { id: alice } ]
            escalationPolicies:
              - { id: ops, repeat: 0, levels: [ { targets: [ { user: alice } ] } ] }
            services:
              - id: %s
                escalationPolicy: ops
                maintenance:
                  - { start: "%s", end: "%s", reason: db upgrade }
              - { id: %s, escalationPolicy: ops }
            classification:
              - { when: {}, priority: P3, class: major, urgency: high }
            """
                .formatted(quiet, now.minusSeconds(3600), now.plusSeconds(3600), busy));
    int port = Ports.free();
    try (ServiceProcess classifier =
            ServiceProcess.forModule("classifier")
                .name("classifier-maintenance-it")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", config.toString())
                .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
                .env("PORT", String.valueOf(port))
                .start()
                .awaitHealthy(
                    URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(90));
        AvroTopicReader<IncidentEvent> incidents = stack.reader(Topics.INCIDENTS)) {
      // The command goes out a few milliseconds after the alert, before the incident can have
      // opened: it must wait for the opening, not be rejected as unknown.
      String opening = run + "-a1";
      String incident = IncidentIds.incidentId(opening);
      stack.send(Topics.ALERTS, Topics.alertKey(busy, "db"), alert(opening, busy, "db", now));
      stack.send(
          Topics.INCIDENT_COMMANDS,
          incident,
          IncidentCommand.newBuilder()
              .setCommandId(run + "-c1")
              .setIncidentId(incident)
              .setAction(CommandAction.ACKNOWLEDGE)
              .setActor("alice")
              .setIssuedAt(Instant.now())
              .build());
      List<IncidentEvent> events =
          incidents
              .await(
                  "the incident opened and acknowledged",
                  records -> ofIncident(records, incident).size() >= 2,
                  Duration.ofSeconds(60))
              .stream()
              .filter(r -> incident.equals(r.key()))
              .map(ConsumerRecord::value)
              .toList();
      assertThat(events)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(incident + "/opened", incident + "/command/" + run + "-c1");
      assertThat(events.get(1).getEvent())
          .isEqualTo(
              IncidentAcknowledged.newBuilder()
                  .setActor("alice")
                  .setCommandId(run + "-c1")
                  .build());

      for (String[] a : new String[][] {{"m1", "db"}, {"m2", "db"}, {"m3", "disk"}}) {
        stack.send(
            Topics.ALERTS, Topics.alertKey(quiet, a[1]), alert(run + a[0], quiet, a[1], now));
      }
      JsonNode held =
          Awaitility.await("three alerts held")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> JSON.readTree(get(port, "/maintenance/held/" + quiet).body()),
                  body -> body.path("services").path(0).path("heldAlerts").asLong() == 3);
      JsonNode service = held.path("services").path(0);
      assertThat(service.path("service").asText()).isEqualTo(quiet);
      assertThat(service.path("inMaintenance").asBoolean()).isTrue();
      assertThat(service.path("window").path("reason").asText()).isEqualTo("db upgrade");
      assertThat(service.path("distinctAlerts").asInt()).isEqualTo(2);
      assertThat(service.path("alerts").findValuesAsText("dedupKey"))
          .containsExactlyInAnyOrder("db", "disk");
      assertThat(get(port, "/prometheus").body())
          .contains("vigil_classifier_maintenance_held_total{service=\"" + quiet + "\"} 3.0");
      assertThat(
              incidents.received().stream()
                  .filter(r -> quiet.equals(r.value().getServiceId()))
                  .count())
          .as("no incident for the service in maintenance")
          .isZero();

      HttpResponse<String> unknown = get(port, "/maintenance/held/no-such-service");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(unknown.body()).path("message").asText())
          .startsWith("no service 'no-such-service' in the configuration; configured: ");
    }
  }

  private static List<ConsumerRecord<String, IncidentEvent>> ofIncident(
      List<ConsumerRecord<String, IncidentEvent>> records, String incident) {
    return records.stream().filter(r -> incident.equals(r.key())).toList();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static AlertEvent alert(String eventId, String service, String dedupKey, Instant at) {
    return AlertEvent.newBuilder()
        .setEventId(eventId)
        .setAction(AlertAction.TRIGGER)
        .setServiceId(service)
        .setDedupKey(dedupKey)
        .setSourceFormat(SourceFormat.KAFKA)
        .setSeverity(Severity.ERROR)
        .setSummary("alert " + eventId)
        .setOccurredAt(at)
        .setReceivedAt(at)
        .build();
  }
}
