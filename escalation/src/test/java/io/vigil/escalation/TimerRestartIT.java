package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 incidents wait for their level-2 step; the service is killed ({@code kill -9}) 10 s before
 * the first step is due (or as soon as every level-1 page is out, if taking them in took longer on
 * a busy machine) and restarted 30 s later: every step fires exactly once, none is lost, and each
 * fires after its due time by roughly the downtime.
 */
@WithKafkaStack
class TimerRestartIT {

  private static final int INCIDENTS = 1_000;
  private static final Duration ESCALATE_AFTER = Duration.ofSeconds(60);

  @Test
  void stepsDueWhileTheServiceIsDownFireOnceAfterTheRestart(KafkaStack stack, @TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(
        config,
        """
        apiVersion: vigil/v1
        users: [ { id: alice }, { id: bob } ]
        escalationPolicies:
          - id: restart
            repeat: 0
            levels:
              - { targets: [ { user: alice } ], escalateAfter: 60s }
              - { targets: [ { user: bob } ] }
        services: [ { id: restart, escalationPolicy: restart } ]
        """);
    String run = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    int port = Ports.free();
    ServiceLaunch launch =
        ServiceProcess.forModule("escalation")
            .name("escalation-restart-it")
            .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
            .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
            .env("VIGIL_CONFIG", config.toString())
            .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
            .env("PORT", String.valueOf(port));
    URI health = URI.create("http://127.0.0.1:" + port + "/health");

    try (AvroTopicReader<EscalationEvent> escalations = stack.reader(Topics.ESCALATIONS);
        ServiceProcess first = launch.start()) {
      first.awaitHealthy(health, Duration.ofSeconds(90));
      for (int i = 0; i < INCIDENTS; i++) {
        stack.send(Topics.INCIDENTS, run + i, opened(run + i));
      }
      Map<String, Instant> due =
          fired(escalations, run, 1, Duration.ofSeconds(60)).stream()
              .collect(
                  Collectors.toMap(
                      r -> r.value().getIncidentId(),
                      r -> ((EscalationFired) r.value().getEvent()).getNextStepDueAt()));
      assertThat(due).hasSize(INCIDENTS);
      Instant firstDue = due.values().stream().min(Instant::compareTo).orElseThrow();
      Instant lastDue = due.values().stream().max(Instant::compareTo).orElseThrow();

      waitUntil(firstDue.minusSeconds(10));
      assertThat(Instant.now()).as("killed before the first step is due").isBefore(firstDue);
      assertThat(fired(escalations, run, 2, Duration.ZERO)).as("nothing due yet").isEmpty();
      first.kill();
      Instant killedAt = Instant.now();
      waitUntil(killedAt.plusSeconds(30));
      try (ServiceProcess second = launch.start()) {
        List<ConsumerRecord<String, EscalationEvent>> level2 =
            fired(escalations, run, 2, Duration.ofSeconds(120));
        Map<String, Long> perIncident =
            level2.stream()
                .collect(
                    Collectors.groupingBy(r -> r.value().getIncidentId(), Collectors.counting()));
        assertThat(perIncident).as("every incident's step fired").hasSize(INCIDENTS);
        assertThat(perIncident.values()).as("each exactly once").containsOnly(1L);
        List<Long> lateness =
            level2.stream()
                .map(
                    r ->
                        Duration.between(
                                due.get(r.value().getIncidentId()), r.value().getOccurredAt())
                            .toMillis())
                .sorted()
                .toList();
        assertThat(lateness.get(0)).as("no step fires before it is due").isNotNegative();
        assertThat(level2)
            .as("each step says when it was due")
            .allSatisfy(
                r ->
                    assertThat(((EscalationFired) r.value().getEvent()).getDueAt())
                        .isEqualTo(due.get(r.value().getIncidentId())));
        assertThat(prometheus(port))
            .as("/prometheus shows the lateness as p50 and p99 lines")
            .anyMatch(
                l ->
                    l.startsWith(
                        "vigil_escalation_timer_lateness_quantiles_seconds{kind=\"STEP\",quantile=\"0.5\"}"))
            .anyMatch(
                l ->
                    l.startsWith(
                        "vigil_escalation_timer_lateness_quantiles_seconds{kind=\"STEP\",quantile=\"0.99\"}"));
        System.out.printf(
            "restart IT: %d steps due %s..%s, killed %s, restarted %s; lateness p50 %d ms, p99 %d"
                + " ms, max %d ms%n",
            INCIDENTS,
            firstDue,
            lastDue,
            killedAt,
            killedAt.plusSeconds(30),
            lateness.get(lateness.size() / 2),
            lateness.get(lateness.size() * 99 / 100),
            lateness.get(lateness.size() - 1));
        assertThat(fired(escalations, run, 3, Duration.ZERO)).as("no level 3 exists").isEmpty();
      }
    }
  }

  /** The level-{@code level} pages of this run's incidents, awaiting all of them if asked. */
  private static List<ConsumerRecord<String, EscalationEvent>> fired(
      AvroTopicReader<EscalationEvent> reader, String run, int level, Duration wait) {
    Function<
            List<ConsumerRecord<String, EscalationEvent>>,
            List<ConsumerRecord<String, EscalationEvent>>>
        pick =
            records ->
                records.stream()
                    .filter(r -> r.value().getIncidentId().startsWith(run))
                    .filter(
                        r ->
                            r.value().getEvent() instanceof EscalationFired f
                                && f.getLevel() == level)
                    .toList();
    if (wait.isZero()) {
      return pick.apply(reader.await("a poll", records -> true));
    }
    Map<String, Boolean> seen = new HashMap<>();
    return pick.apply(
        reader.await(
            "level " + level + " of " + INCIDENTS + " incidents",
            records -> {
              seen.clear();
              pick.apply(records).forEach(r -> seen.put(r.value().getIncidentId(), true));
              return seen.size() >= INCIDENTS;
            },
            wait));
  }

  private static List<String> prometheus(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body()
        .lines()
        .toList();
  }

  private static void waitUntil(Instant when) {
    if (!Instant.now().isBefore(when)) {
      return;
    }
    Awaitility.await("the clock to reach " + when)
        .atMost(Duration.between(Instant.now(), when).plusSeconds(5).abs())
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !Instant.now().isBefore(when));
  }

  private static IncidentEvent opened(String incidentId) {
    return IncidentEvent.newBuilder()
        .setEventId(incidentId + "/opened")
        .setIncidentId(incidentId)
        .setServiceId("restart")
        .setOccurredAt(Instant.now())
        .setEvent(
            IncidentOpened.newBuilder()
                .setDedupKey("d")
                .setTitle("restart test")
                .setSeverity(Severity.CRITICAL)
                .setPriority(Priority.P1)
                .setIncidentClass(IncidentClass.CRITICAL)
                .setUrgency(Urgency.HIGH)
                .setEscalationPolicyId("restart")
                .setAlertEventId("a")
                .setFirstSeen(Instant.now())
                .build())
        .build();
  }
}
