package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationLevelSkipped;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationTopologyTest {

  /** A Wednesday; the payments-primary schedule's first week (alice) runs until Monday 09:00. */
  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  private static final VigilConfig CONFIG =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users:
            - { id: alice, name: Alice, timeZone: UTC, contactMethods: [ { id: a, type: webhook, url: "http://127.0.0.1:9999/a" } ], notificationRules: { high: [ { contactMethod: a, after: 0s } ] } }
            - { id: bob, name: Bob, timeZone: UTC, contactMethods: [ { id: b, type: webhook, url: "http://127.0.0.1:9999/b" } ], notificationRules: { high: [ { contactMethod: b, after: 0s } ] } }
            - { id: carol, name: Carol, timeZone: UTC, contactMethods: [ { id: c, type: webhook, url: "http://127.0.0.1:9999/c" } ], notificationRules: { high: [ { contactMethod: c, after: 0s } ] } }
            - { id: dave, name: Dave, timeZone: UTC, contactMethods: [ { id: d, type: webhook, url: "http://127.0.0.1:9999/d" } ], notificationRules: { high: [ { contactMethod: d, after: 0s } ] } }
          teams:
            - { id: platform-leads, name: Platform leads, members: [carol, dave] }
          schedules:
            - id: payments-primary
              name: Payments primary
              timeZone: Europe/Berlin
              layers: [ { start: "2026-03-02T09:00", shift: 1w, users: [alice, bob] } ]
            - id: not-yet
              name: Starts in 2030
              timeZone: UTC
              layers: [ { start: "2030-01-01T00:00", shift: 1d, users: [carol] } ]
          escalationPolicies:
            - id: payments
              name: Payments
              repeat: 1
              levels:
                - { targets: [ { schedule: payments-primary } ], escalateAfter: 5m }
                - { targets: [ { user: bob } ], escalateAfter: 10m }
                - { targets: [ { team: platform-leads } ] }
            - id: search
              name: Search
              repeat: 0
              levels:
                - { targets: [ { schedule: not-yet } ], escalateAfter: 5m }
                - { targets: [ { user: alice } ] }
          services:
            - { id: payments, name: Payments, tier: 1, escalationPolicy: payments, integrations: [ { type: events-v2, key: "11111111111111111111111111111111" } ] }
            - { id: search, name: Search, tier: 2, escalationPolicy: search, integrations: [ { type: events-v2, key: "44444444444444444444444444444444" } ] }
          """,
          "test");

  private TopologyTestDriver driver;
  private TestInputTopic<String, IncidentEvent> incidents;
  private TestOutputTopic<String, EscalationEvent> escalations;

  @BeforeEach
  void start(@TempDir Path stateDir) {
    startAt(T0, stateDir);
  }

  private void startAt(Instant wallClock, Path stateDir) {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, EscalationTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(EscalationTopology.build(() -> CONFIG, registry), props, wallClock);
    incidents =
        driver.createInputTopic(
            Topics.INCIDENTS.name(),
            Serdes.String().serializer(),
            AvroSerde.forValues(Topics.INCIDENTS, registry).serializer());
    escalations =
        driver.createOutputTopic(
            Topics.ESCALATIONS.name(),
            Serdes.String().deserializer(),
            AvroSerde.forValues(Topics.ESCALATIONS, registry).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void levelOneIsPagedAtOnceThroughTheSchedule() {
    open("inc-1", "payments");

    assertThat(escalations.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                "inc-1",
                event(
                    "inc-1/L1/R1",
                    "inc-1",
                    "payments",
                    T0,
                    fired(
                        "payments",
                        1,
                        1,
                        EscalationReason.INITIAL,
                        List.of(user("alice", "schedule:payments-primary")),
                        T0.plus(Duration.ofMinutes(5))))));
  }

  @Test
  void nextLevelsAndRepeatFollowTheTimeoutsWhileNobodyAcknowledges() {
    open("inc-1", "payments");
    escalations.readValuesToList();

    advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(escalations.isEmpty()).as("nothing before the 5-minute timeout").isTrue();

    advance(Duration.ofSeconds(1));
    Instant t5 = T0.plus(Duration.ofMinutes(5));
    assertThat(escalations.readValuesToList())
        .containsExactly(
            event(
                "inc-1/L2/R1",
                "inc-1",
                "payments",
                t5,
                EscalationFired.newBuilder(
                        fired(
                            "payments",
                            2,
                            1,
                            EscalationReason.TIMEOUT,
                            List.of(user("bob", null)),
                            t5.plus(Duration.ofMinutes(10))))
                    .setDueAt(t5)
                    .build()));

    advance(Duration.ofMinutes(10));
    List<EscalationEvent> level3 = escalations.readValuesToList();
    assertThat(level3)
        .extracting(e -> (EscalationFired) e.getEvent())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getLevel()).isEqualTo(3);
              assertThat(f.getTargets())
                  .containsExactly(
                      user("carol", "team:platform-leads"), user("dave", "team:platform-leads"));
              assertThat(f.getNextStepDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(25)));
              assertThat(f.getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
            });

    advance(Duration.ofMinutes(10));
    assertThat(escalations.readValuesToList())
        .extracting(
            EscalationEvent::getEventId,
            e -> ((EscalationFired) e.getEvent()).getReason(),
            e -> ((EscalationFired) e.getEvent()).getDueAt())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "inc-1/L1/R2", EscalationReason.REPEAT, T0.plus(Duration.ofMinutes(25))));

    advance(Duration.ofMinutes(5));
    advance(Duration.ofMinutes(10));
    List<EscalationEvent> lastRound = escalations.readValuesToList();
    assertThat(lastRound)
        .extracting(EscalationEvent::getEventId)
        .containsExactly("inc-1/L2/R2", "inc-1/L3/R2");
    assertThat(((EscalationFired) lastRound.get(1).getEvent()).getNextStepDueAt())
        .as("the last level of the last round has no next step")
        .isNull();

    advance(Duration.ofHours(1));
    assertThat(escalations.isEmpty()).isTrue();
  }

  @Test
  void acknowledgingBeforeTheTimeoutCancelsThePendingStep() {
    open("inc-1", "payments");
    escalations.readValuesToList();
    advance(Duration.ofMinutes(2));

    incidents.pipeInput(
        "inc-1",
        incident(
            "inc-1/acknowledged",
            "inc-1",
            "payments",
            IncidentAcknowledged.newBuilder().setActor("integration").build()));
    advance(Duration.ofMinutes(30));

    assertThat(escalations.readValuesToList())
        .containsExactly(
            event(
                "inc-1/cancelled",
                "inc-1",
                "payments",
                T0.plus(Duration.ofMinutes(2)),
                EscalationCancelled.newBuilder().setReason("acknowledged by integration").build()));
  }

  @Test
  void resolvingCancelsAndALaterAcknowledgeChangesNothing() {
    open("inc-1", "payments");
    escalations.readValuesToList();

    incidents.pipeInput(
        "inc-1",
        incident(
            "inc-1/resolved",
            "inc-1",
            "payments",
            IncidentResolved.newBuilder().setActor("integration").build()));
    incidents.pipeInput(
        "inc-1",
        incident(
            "inc-1/acknowledged",
            "inc-1",
            "payments",
            IncidentAcknowledged.newBuilder().setActor("integration").build()));
    advance(Duration.ofMinutes(30));

    assertThat(escalations.readValuesToList())
        .extracting(
            EscalationEvent::getEventId, e -> ((EscalationCancelled) e.getEvent()).getReason())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc-1/cancelled", "resolved by integration"));
  }

  @Test
  void theScheduleTargetPagesWhoeverIsOnCallAfterTheWeeklyHandoff(@TempDir Path otherState) {
    driver.close();
    // Monday 2026-03-09 09:00 in Berlin: the rotation has handed over to bob.
    startAt(Instant.parse("2026-03-09T08:00:00Z"), otherState);

    open("inc-2", "payments");

    assertThat(escalations.readValuesToList())
        .extracting(e -> ((EscalationFired) e.getEvent()).getTargets())
        .containsExactly(List.of(user("bob", "schedule:payments-primary")));
  }

  @Test
  void aLevelWithNobodyOnCallIsSkippedAndTheNextIsPagedAtOnce() {
    open("inc-3", "search");

    assertThat(escalations.readValuesToList())
        .containsExactly(
            event(
                "inc-3/L1/R1",
                "inc-3",
                "search",
                T0,
                EscalationLevelSkipped.newBuilder()
                    .setPolicyId("search")
                    .setLevel(1)
                    .setReason("nobody to page for schedule:not-yet")
                    .build()),
            event(
                "inc-3/L2/R1",
                "inc-3",
                "search",
                T0,
                fired(
                    "search", 2, 1, EscalationReason.INITIAL, List.of(user("alice", null)), null)));

    advance(Duration.ofHours(1));
    assertThat(escalations.isEmpty()).isTrue();
  }

  private void open(String incidentId, String service) {
    incidents.pipeInput(
        incidentId,
        incident(
            incidentId + "/opened",
            incidentId,
            service,
            IncidentOpened.newBuilder()
                .setDedupKey("db-down")
                .setTitle("Database down")
                .setSeverity(Severity.CRITICAL)
                .setPriority(Priority.P1)
                .setIncidentClass(IncidentClass.CRITICAL)
                .setUrgency(Urgency.HIGH)
                .setEscalationPolicyId(service)
                .setAlertEventId("a1")
                .setFirstSeen(T0)
                .build()));
  }

  private void advance(Duration d) {
    driver.advanceWallClockTime(d);
  }

  private static IncidentEvent incident(
      String eventId, String incidentId, String service, Object payload) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(service)
        .setOccurredAt(T0)
        .setEvent(payload)
        .build();
  }

  private static EscalationFired fired(
      String policy,
      int level,
      int round,
      EscalationReason reason,
      List<PagedUser> targets,
      Instant due) {
    return EscalationFired.newBuilder()
        .setPolicyId(policy)
        .setLevel(level)
        .setRound(round)
        .setReason(reason)
        .setTargets(targets)
        .setTitle("Database down")
        .setPriority(Priority.P1)
        .setUrgency(Urgency.HIGH)
        .setNextStepDueAt(due)
        .build();
  }

  private static PagedUser user(String id, String via) {
    return PagedUser.newBuilder().setUserId(id).setVia(via).build();
  }

  private static EscalationEvent event(
      String eventId, String incidentId, String service, Instant at, Object payload) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(service)
        .setOccurredAt(at)
        .setEvent(payload)
        .build();
  }
}
