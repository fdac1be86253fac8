package io.vigil.notifier.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  private static final VigilConfig CONFIG =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users:
            - id: alice
              contactMethods:
                - { id: alice-hook, type: webhook, url: "https://hooks.example/alice" }
                - { id: alice-sms, type: sms, number: "+6281200000001" }
                - { id: alice-voice, type: voice, number: "+6281200000001" }
              notificationRules:
                high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-sms, after: 2m },
                        { contactMethod: alice-voice, after: 5m } ]
          """,
          "test");

  /** Records what was handed over; {@link #finish} plays the engine saying an attempt is over. */
  static final class RecordingHandoff implements StepHandoff {
    final Map<String, Runnable> handedOver = new LinkedHashMap<>();
    final List<String> closed = new ArrayList<>();

    @Override
    public void submit(ScheduledStep step, Runnable onDone) {
      handedOver.put(step.attemptId(), onDone);
    }

    @Override
    public void incidentClosed(String incidentId) {
      closed.add(incidentId);
    }

    void finish(String attemptId) {
      handedOver.get(attemptId).run();
    }
  }

  private final RecordingHandoff handoff = new RecordingHandoff();
  private TopologyTestDriver driver;
  private TestInputTopic<String, EscalationEvent> escalations;
  private TestInputTopic<String, IncidentEvent> incidents;

  @BeforeEach
  void start(@TempDir Path stateDir) {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, NotifierTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            NotifierTopology.build(CONFIG, registry, handoff, Duration.ofMillis(250)), props, T0);
    escalations =
        driver.createInputTopic(
            Topics.ESCALATIONS.name(),
            Serdes.String().serializer(),
            AvroSerde.forValues(Topics.ESCALATIONS, registry).serializer());
    incidents =
        driver.createInputTopic(
            Topics.INCIDENTS.name(),
            Serdes.String().serializer(),
            AvroSerde.forValues(Topics.INCIDENTS, registry).serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void fire(String eventId, String incidentId) {
    escalations.pipeInput(
        incidentId,
        EscalationEvent.newBuilder()
            .setEventId(eventId)
            .setIncidentId(incidentId)
            .setServiceId("payments")
            .setOccurredAt(T0)
            .setEvent(
                EscalationFired.newBuilder()
                    .setPolicyId("payments")
                    .setLevel(1)
                    .setRound(1)
                    .setReason(EscalationReason.INITIAL)
                    .setTargets(
                        List.of(PagedUser.newBuilder().setUserId("alice").setVia(null).build()))
                    .setTitle("Disk full")
                    .setPriority(Priority.P1)
                    .setUrgency(Urgency.HIGH)
                    .build())
            .build(),
        T0);
  }

  private void incident(String incidentId, SpecificRecord event) {
    incidents.pipeInput(
        incidentId,
        IncidentEvent.newBuilder()
            .setEventId(incidentId + "/" + event.getClass().getSimpleName())
            .setIncidentId(incidentId)
            .setServiceId("payments")
            .setOccurredAt(T0)
            .setEvent(event)
            .build());
  }

  private void advance(Duration d) {
    driver.advanceWallClockTime(d);
  }

  @Test
  void theFirstStepGoesAtOnceAndDelayedStepsWhenTheyAreDue() {
    fire("e1", "inc-1");

    assertThat(handoff.handedOver.keySet()).containsExactly("e1/alice/alice-hook/0");

    advance(Duration.ofSeconds(119));
    assertThat(handoff.handedOver).hasSize(1);
    advance(Duration.ofSeconds(1));
    assertThat(handoff.handedOver.keySet())
        .containsExactly("e1/alice/alice-hook/0", "e1/alice/alice-sms/1");
    advance(Duration.ofMinutes(3));
    assertThat(handoff.handedOver.keySet())
        .containsExactly("e1/alice/alice-hook/0", "e1/alice/alice-sms/1", "e1/alice/alice-voice/2");
  }

  @Test
  void acknowledgingCancelsTheWaitingSteps() {
    fire("e2", "inc-2");
    advance(Duration.ofMinutes(1));

    incident("inc-2", IncidentAcknowledged.newBuilder().setActor("alice").build());
    advance(Duration.ofMinutes(10));

    assertThat(handoff.handedOver.keySet()).containsExactly("e2/alice/alice-hook/0");
    assertThat(handoff.closed).containsExactly("inc-2");
    assertThat(pending().approximateNumEntries()).isZero();
  }

  @Test
  void resolvingOrACancelledEscalationCancelsToo() {
    fire("e3", "inc-3");
    fire("e4", "inc-4");

    incident("inc-3", IncidentResolved.newBuilder().setActor("alice").build());
    escalations.pipeInput(
        "inc-4",
        EscalationEvent.newBuilder()
            .setEventId("e4/cancelled")
            .setIncidentId("inc-4")
            .setServiceId("payments")
            .setOccurredAt(T0)
            .setEvent(EscalationCancelled.newBuilder().setReason("acknowledged").build())
            .build());
    advance(Duration.ofMinutes(10));

    assertThat(handoff.handedOver.keySet())
        .containsExactly("e3/alice/alice-hook/0", "e4/alice/alice-hook/0");
  }

  @Test
  void aHandedOverStepStaysInFlightUntilItsAttemptIsOver() {
    fire("e5", "inc-5");
    KeyValueStore<String, ScheduledStep> inFlight =
        driver.getKeyValueStore(StepSchedulerProcessor.IN_FLIGHT_STORE);
    assertThat(inFlight.get("e5/alice/alice-hook/0")).isNotNull();

    handoff.finish("e5/alice/alice-hook/0");
    advance(Duration.ofMillis(250));

    assertThat(inFlight.get("e5/alice/alice-hook/0")).isNull();
  }

  private KeyValueStore<String, ScheduledStep> pending() {
    return driver.getKeyValueStore(StepSchedulerProcessor.PENDING_STORE);
  }
}
