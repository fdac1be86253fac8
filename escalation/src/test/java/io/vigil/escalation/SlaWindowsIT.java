package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaWindow;
import io.vigil.schemas.SlaWindowSummarized;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real broker (3 partitions), a quiet service's hourly window still closes: the wall-clock
 * tick reaches every partition of the measurements' repartition topic, and each service's summary
 * is published once. To close an hour within the test, the grace is set so that the last full hour
 * closes 45 s after the test starts, and the incidents, opened and acknowledged inside that hour,
 * are on the topic before the service starts.
 */
@WithKafkaStack
class SlaWindowsIT {

  private static final int SERVICES = 6;

  @Test
  void everyServicesHourIsSummarizedOnceWhenItsGraceEnds(KafkaStack stack, @TempDir Path dir)
      throws Exception {
    Instant start = Instant.now();
    Instant hourEnd = start.truncatedTo(ChronoUnit.HOURS);
    Instant hourStart = hourEnd.minus(Duration.ofHours(1));
    Instant closesAt = start.plusSeconds(45);
    long graceMillis = Duration.between(hourEnd, closesAt).toMillis();
    String run = "win-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(
        config,
        """
        apiVersion: vigil/v1
        users: [ { id: alice } ]
        escalationPolicies:
          - { id: windows, levels: [ { targets: [ { user: alice } ] } ] }
        services: [ %s ]
        """
            .formatted(
                IntStream.range(0, SERVICES)
                    .mapToObj(i -> "{ id: " + run + i + ", escalationPolicy: windows }")
                    .collect(Collectors.joining(", "))));
    // In before the service starts, so they are taken in first, whatever its start-up takes.
    Instant opened = hourStart.plus(Duration.ofMinutes(30));
    for (int i = 0; i < SERVICES; i++) {
      String serviceId = run + i;
      String incident = serviceId + "/inc";
      stack.send(Topics.INCIDENTS, incident, opened(incident, serviceId, opened));
      // acknowledged (i + 1) minutes after opening, inside the hour, reaching us late
      stack.send(
          Topics.INCIDENTS,
          incident,
          event(
              incident + "/ack",
              incident,
              serviceId,
              opened.plus(Duration.ofMinutes(i + 1)),
              IncidentAcknowledged.newBuilder().setActor("alice").build()));
    }
    int port = Ports.free();
    try (AvroTopicReader<SlaEvent> sla = stack.reader(Topics.SLA);
        ServiceProcess service =
            ServiceProcess.forModule("escalation")
                .name("escalation-windows-it")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", config.toString())
                .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
                .env("VIGIL_ESCALATION_SUMMARY_GRACE", graceMillis + "ms")
                .env("VIGIL_ESCALATION_SUMMARY_TICK", "1s")
                .env("PORT", String.valueOf(port))
                .start()) {
      List<ConsumerRecord<String, SlaEvent>> records =
          sla.await(
              "an hourly summary for each of " + SERVICES + " services",
              all -> summaries(all, run).size() >= SERVICES,
              Duration.between(Instant.now(), closesAt).plusSeconds(120));
      Map<String, SlaWindowSummarized> byService =
          summaries(records, run).stream()
              .collect(
                  Collectors.toMap(
                      ConsumerRecord::key, r -> (SlaWindowSummarized) r.value().getEvent()));
      assertThat(byService).hasSize(SERVICES);
      for (int i = 0; i < SERVICES; i++) {
        SlaWindowSummarized s = byService.get(run + i);
        assertThat(s.getWindow()).isEqualTo(SlaWindow.HOUR);
        assertThat(s.getWindowStart()).isEqualTo(hourStart);
        assertThat(s.getWindowEnd()).isEqualTo(hourEnd);
        assertThat(s.getPriority()).isEqualTo(Priority.P2);
        assertThat(s.getAcknowledged()).isEqualTo(1);
        assertThat(s.getMttaMillis()).isEqualTo((i + 1) * 60_000L);
        assertThat(s.getEscalations()).as("the pages went out now, in this hour").isZero();
      }
      assertThat(Instant.now()).as("not before the grace ended").isAfterOrEqualTo(closesAt);
      assertThat(summaries(sla.await("a poll", all -> true), run))
          .as("once each")
          .hasSize(SERVICES);
    }
  }

  private static List<ConsumerRecord<String, SlaEvent>> summaries(
      List<ConsumerRecord<String, SlaEvent>> records, String run) {
    return records.stream()
        .filter(r -> r.key().startsWith(run))
        .filter(
            r ->
                r.value().getEvent() instanceof SlaWindowSummarized s
                    && s.getWindow() == SlaWindow.HOUR)
        .toList();
  }

  private static IncidentEvent opened(String incidentId, String serviceId, Instant at) {
    return event(
        incidentId + "/opened",
        incidentId,
        serviceId,
        at,
        IncidentOpened.newBuilder()
            .setDedupKey("d")
            .setTitle("windows test")
            .setSeverity(Severity.ERROR)
            .setPriority(Priority.P2)
            .setIncidentClass(IncidentClass.MAJOR)
            .setUrgency(Urgency.HIGH)
            .setAlertEventId("a")
            .setFirstSeen(at)
            .build());
  }

  private static IncidentEvent event(
      String eventId, String incidentId, String serviceId, Instant at, Object payload) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(serviceId)
        .setOccurredAt(at)
        .setEvent(payload)
        .build();
  }
}
