package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.escalation.schedule.OnCall;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceLaunch;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafkaStack
class EscalationServiceIT {

  @Test
  void theServicePagesTheOnCallUserAndCancelsOnAcknowledge(KafkaStack stack, @TempDir Path state) {
    Path configFile = ServiceLaunch.repoRoot().resolve("deploy/local/vigil.yaml");
    VigilConfig config = VigilConfigLoader.load(configFile);
    int port = Ports.free();
    String incidentId = "it-" + UUID.randomUUID();

    try (ServiceProcess escalation =
            ServiceProcess.forModule("escalation")
                .name("escalation-it")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", configFile.toString())
                .env("VIGIL_STATE_DIR", state.toString())
                .env("PORT", String.valueOf(port))
                .start();
        AvroTopicReader<EscalationEvent> escalations = stack.reader(Topics.ESCALATIONS)) {
      escalation.awaitHealthy(
          URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(90));

      stack.send(Topics.INCIDENTS, incidentId, opened(incidentId));
      // Generous: other ITs of this JVM may have left a backlog on the shared topics, and a
      // rebalance after their service stopped takes up to the session timeout.
      EscalationEvent first =
          escalations
              .await(
                  "level 1 of incident " + incidentId,
                  records ->
                      records.stream()
                          .anyMatch(r -> r.value().getEventId().equals(incidentId + "/L1/R1")),
                  Duration.ofSeconds(120))
              .stream()
              .map(r -> r.value())
              .filter(e -> e.getEventId().equals(incidentId + "/L1/R1"))
              .findFirst()
              .orElseThrow();

      EscalationFired fired = (EscalationFired) first.getEvent();
      String onCall =
          OnCall.at(config.schedule("payments-primary").orElseThrow(), first.getOccurredAt())
              .orElseThrow();
      assertThat(fired.getReason()).isEqualTo(EscalationReason.INITIAL);
      assertThat(fired.getTargets())
          .containsExactly(
              PagedUser.newBuilder().setUserId(onCall).setVia("schedule:payments-primary").build());
      assertThat(fired.getNextStepDueAt())
          .isEqualTo(first.getOccurredAt().plus(Duration.ofMinutes(5)));

      stack.send(
          Topics.INCIDENTS,
          incidentId,
          event(
              incidentId + "/acknowledged",
              incidentId,
              IncidentAcknowledged.newBuilder().setActor("integration").build()));
      List<ConsumerRecord<String, EscalationEvent>> all =
          escalations.await(
              "the cancellation of incident " + incidentId,
              records ->
                  records.stream()
                      .anyMatch(r -> r.value().getEventId().equals(incidentId + "/cancelled")),
              Duration.ofSeconds(60));
      assertThat(
              all.stream().filter(r -> incidentId.equals(r.key())).map(r -> r.value().getEvent()))
          .hasSize(2)
          .last()
          .isEqualTo(
              EscalationCancelled.newBuilder().setReason("acknowledged by integration").build());
    }
  }

  private static IncidentEvent opened(String incidentId) {
    return event(
        incidentId + "/opened",
        incidentId,
        IncidentOpened.newBuilder()
            .setDedupKey("db-down")
            .setTitle("Database down")
            .setSeverity(Severity.CRITICAL)
            .setPriority(Priority.P1)
            .setIncidentClass(IncidentClass.CRITICAL)
            .setUrgency(Urgency.HIGH)
            .setEscalationPolicyId("payments")
            .setAlertEventId("a1")
            .setFirstSeen(Instant.now())
            .build());
  }

  private static IncidentEvent event(String eventId, String incidentId, Object payload) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId("payments")
        .setOccurredAt(Instant.now())
        .setEvent(payload)
        .build();
  }
}
