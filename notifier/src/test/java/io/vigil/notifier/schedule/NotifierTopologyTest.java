package io.vigil.notifier.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.notifier.storm.StormWindow;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
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

  /** Records what was handed over; its tickets play the engine reporting back. */
  static final class RecordingHandoff implements StepHandoff {
    final Map<String, ScheduledStep> handedOver = new LinkedHashMap<>();
    final Map<String, StepTicket> tickets = new LinkedHashMap<>();

    @Override
    public void submit(ScheduledStep step, StepTicket ticket) {
      handedOver.put(step.attemptId(), step);
      tickets.put(step.attemptId(), ticket);
    }

    void finish(String attemptId) {
      tickets.get(attemptId).done();
    }
  }

  private final RecordingHandoff handoff = new RecordingHandoff();
  private final AtomicReference<VigilConfig> config = new AtomicReference<>(CONFIG);
  private TopologyTestDriver driver;
  private TestInputTopic<String, EscalationEvent> escalations;
  private TestInputTopic<String, IncidentEvent> incidents;
  private Path stateDir;

  @BeforeEach
  void start(@TempDir Path stateDir) {
    this.stateDir = stateDir;
    start(Duration.ZERO);
  }

  /** (Re)starts the driver with digests every {@code digestInterval} (0: off). */
  private void start(Duration digestInterval) {
    if (driver != null) {
      driver.close();
    }
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, NotifierTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            NotifierTopology.build(
                config::get, registry, handoff, Duration.ofMillis(250), digestInterval),
            props,
            T0);
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
    fire(eventId, incidentId, "alice");
  }

  private void fire(String eventId, String incidentId, String userId) {
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
                        List.of(PagedUser.newBuilder().setUserId(userId).setVia(null).build()))
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
        driver.getKeyValueStore(HandoverProcessor.IN_FLIGHT_STORE);
    assertThat(inFlight.get("e5/alice/alice-hook/0")).isNotNull();

    handoff.finish("e5/alice/alice-hook/0");
    advance(Duration.ofMillis(250));

    assertThat(inFlight.get("e5/alice/alice-hook/0")).isNull();
  }

  private KeyValueStore<String, ScheduledStep> pending() {
    return driver.getKeyValueStore(StepSchedulerProcessor.PENDING_STORE);
  }

  @Test
  void aFailedStepHandsTheUsersNextWaitingStepOverAtOnce() {
    fire("e6", "inc-6");

    handoff.tickets.get("e6/alice/alice-hook/0").nextStepNow();
    advance(Duration.ofMillis(250));

    assertThat(handoff.handedOver.keySet())
        .containsExactly("e6/alice/alice-hook/0", "e6/alice/alice-sms/1");
    advance(Duration.ofMinutes(2));
    assertThat(handoff.handedOver).hasSize(2);
    advance(Duration.ofMinutes(3));
    assertThat(handoff.handedOver.keySet())
        .containsExactly("e6/alice/alice-hook/0", "e6/alice/alice-sms/1", "e6/alice/alice-voice/2");
  }

  @Test
  void afterTheIncidentClosedAFailedStepBringsNothingForward() {
    fire("e9", "inc-9");
    incident("inc-9", IncidentAcknowledged.newBuilder().setActor("alice").build());

    handoff.tickets.get("e9/alice/alice-hook/0").nextStepNow();
    advance(Duration.ofMinutes(10));

    assertThat(handoff.handedOver.keySet()).containsExactly("e9/alice/alice-hook/0");
  }

  @Test
  void aStepBroughtForwardAfterAFailureIsNeverFoldedIntoAStorm() {
    start(Duration.ofMinutes(1));
    config.set(
        VigilConfigLoader.parse(
            """
            apiVersion: vigil/v1
            users:
              - id: alice
                contactMethods:
                  - { id: alice-hook, type: webhook, url: "https://hooks.example/alice" }
                  - { id: alice-backup, type: webhook, url: "https://backup.example/alice" }
                notificationRules:
                  high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-backup, after: 10m } ]
            """,
            "test"));
    fire("e12", "inc-12");

    handoff.tickets.get("e12/alice/alice-hook/0").nextStepNow();
    advance(Duration.ofMillis(250));

    ScheduledStep backup = handoff.handedOver.get("e12/alice/alice-backup/1");
    assertThat(backup.suppressed()).as("the webhook window is open, yet it goes out").isNull();
    advance(Duration.ofMinutes(10));
    assertThat(handoff.handedOver.keySet())
        .as("its waiting copy is dropped when due")
        .containsExactly("e12/alice/alice-hook/0", "e12/alice/alice-backup/1");
  }

  @Test
  void theRulesInForceWhenAPageArrivesAreTheOnesUsed() {
    fire("e7", "inc-7");
    config.set(
        VigilConfigLoader.parse(
            """
            apiVersion: vigil/v1
            users:
              - id: alice
                contactMethods:
                  - { id: alice-hook, type: webhook, url: "https://hooks.example/alice" }
                  - { id: alice-voice, type: voice, number: "+6281200000001" }
                notificationRules:
                  high: [ { contactMethod: alice-voice, after: 0s }, { contactMethod: alice-hook, after: 1m } ]
            """,
            "test"));

    fire("e8", "inc-8");

    assertThat(handoff.handedOver.keySet())
        .containsExactly("e7/alice/alice-hook/0", "e8/alice/alice-voice/0");
    advance(Duration.ofMinutes(1));
    assertThat(handoff.handedOver.keySet())
        .containsExactly(
            "e7/alice/alice-hook/0", "e8/alice/alice-voice/0", "e8/alice/alice-hook/1");
  }

  @Test
  void duringAStormFurtherPagesAreFoldedIntoAChangeloggedWindowAndOneDigestFollows() {
    start(Duration.ofMinutes(1));

    fire("s1", "inc-s1");
    fire("s2", "inc-s2");
    fire("s3", "inc-s3");

    assertThat(handoff.handedOver.values())
        .extracting(ScheduledStep::attemptId, s -> s.suppressed() != null)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s1/alice/alice-hook/0", false),
            org.assertj.core.groups.Tuple.tuple("s2/alice/alice-hook/0", true),
            org.assertj.core.groups.Tuple.tuple("s3/alice/alice-hook/0", true));
    KeyValueStore<String, StormWindow> windows =
        driver.getKeyValueStore(HandoverProcessor.STORM_STORE);
    assertThat(windows.get("alice|webhook").foldedIncidents()).isEqualTo(2);
    assertThat(driver.producedTopicNames())
        .contains("vigil-notifier-" + HandoverProcessor.STORM_STORE + "-changelog");

    advance(Duration.ofMinutes(1));

    ScheduledStep digest = handoff.handedOver.get("s3/alice/alice-hook/0/digest");
    assertThat(digest.digest()).isEqualTo("and 2 more incidents on payments");
    assertThat(digest.suppressed()).isNull();
    assertThat(windows.get("alice|webhook").foldedIncidents()).isZero();
  }
}
