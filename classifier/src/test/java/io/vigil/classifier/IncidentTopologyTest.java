package io.vigil.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.Link;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

class IncidentTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, AlertEvent> alerts;
  private TestOutputTopic<String, IncidentEvent> incidents;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start(@TempDir Path stateDir) {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, IncidentTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    var config = TestConfigs.withRules();
    driver = new TopologyTestDriver(IncidentTopology.build(() -> config, registry), props);
    alerts =
        driver.createInputTopic(
            Topics.ALERTS.name(),
            Serdes.String().serializer(),
            AvroSerde.forValues(Topics.ALERTS, registry).serializer());
    incidents =
        driver.createOutputTopic(
            Topics.INCIDENTS.name(),
            Serdes.String().deserializer(),
            AvroSerde.forValues(Topics.INCIDENTS, registry).deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS.name(),
            Serdes.String().deserializer(),
            AvroSerde.forValues(Topics.DEAD_LETTERS, registry).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void firstTriggerOpensAClassifiedIncidentWithADeterministicId() {
    send(alert("a1", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 0));

    String id = IncidentIds.incidentId("a1");
    IncidentOpened opened =
        IncidentOpened.newBuilder()
            .setDedupKey("db-down")
            .setTitle("summary of a1")
            .setSeverity(Severity.CRITICAL)
            .setPriority(Priority.P1)
            .setIncidentClass(IncidentClass.CRITICAL)
            .setUrgency(Urgency.HIGH)
            .setEscalationPolicyId("payments")
            .setAlertEventId("a1")
            .setFirstSeen(T0)
            .setLabels(Map.of("cluster", "eu-1"))
            .setLinks(List.of(new Link("http://grafana/d/1", "dashboard")))
            .build();
    assertThat(incidents.readKeyValuesToList())
        .containsExactly(KeyValue.pair(id, event(id + "/opened", id, "payments", 1, opened)));
    assertThat(id)
        .isEqualTo(IncidentIds.incidentId("a1"))
        .isNotEqualTo(IncidentIds.incidentId("a2"));
  }

  @Test
  void repeatTriggersAreCountedAndTheirCountPublishedOncePerCountInterval() {
    send(alert("a1", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 0));
    send(alert("a2", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 60));
    send(alert("a3", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 120));

    String id = IncidentIds.incidentId("a1");
    assertThat(incidents.readValuesToList())
        .extracting(IncidentEvent::getEventId)
        .containsExactly(id + "/opened");

    driver.advanceWallClockTime(ClassifierOptions.COUNT_INTERVAL.minusSeconds(2));
    assertThat(incidents.isEmpty()).isTrue(); // not due yet

    driver.advanceWallClockTime(Duration.ofSeconds(2));
    List<IncidentEvent> out = incidents.readValuesToList();
    assertThat(out)
        .containsExactly(
            event(
                id + "/grouped/3",
                id,
                "payments",
                121,
                AlertGrouped.newBuilder()
                    .setDedupKey("db-down")
                    .setAlertEventId("a3")
                    .setAlertCount(3)
                    .setLastSeen(T0.plusSeconds(120))
                    .setSummary("summary of a3")
                    .build()));

    send(alert("a4", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 180));
    driver.advanceWallClockTime(ClassifierOptions.COUNT_INTERVAL);
    assertThat(incidents.readValuesToList())
        .extracting(IncidentEvent::getEventId)
        .containsExactly(id + "/grouped/4");
  }

  @Test
  void aPendingCountIsPublishedBeforeTheIncidentIsAcknowledgedOrResolved() {
    send(alert("a1", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 0));
    send(alert("a2", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 10));
    send(alert("a3", AlertAction.ACKNOWLEDGE, "payments", "db-down", Severity.CRITICAL, 20));
    send(alert("a4", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 30));
    send(alert("a5", AlertAction.RESOLVE, "payments", "db-down", Severity.CRITICAL, 40));
    driver.advanceWallClockTime(ClassifierOptions.COUNT_INTERVAL.multipliedBy(2));

    String id = IncidentIds.incidentId("a1");
    List<IncidentEvent> out = incidents.readValuesToList();
    assertThat(out)
        .extracting(IncidentEvent::getEventId)
        .containsExactly(
            id + "/opened",
            id + "/grouped/2",
            id + "/acknowledged",
            id + "/grouped/3",
            id + "/resolved");
    assertThat(((AlertGrouped) out.get(3).getEvent()).getAlertEventId()).isEqualTo("a4");
  }

  @Test
  void acknowledgeOnceThenResolveFreesTheKeyForANewIncident() {
    send(alert("a1", AlertAction.TRIGGER, "payments", "db-down", Severity.ERROR, 0));
    send(alert("a2", AlertAction.ACKNOWLEDGE, "payments", "db-down", Severity.ERROR, 10));
    send(alert("a3", AlertAction.ACKNOWLEDGE, "payments", "db-down", Severity.ERROR, 20));
    send(alert("a4", AlertAction.RESOLVE, "payments", "db-down", Severity.ERROR, 30));
    send(alert("a5", AlertAction.TRIGGER, "payments", "db-down", Severity.ERROR, 40));

    String first = IncidentIds.incidentId("a1");
    String second = IncidentIds.incidentId("a5");
    List<KeyValue<String, IncidentEvent>> out = incidents.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key).containsExactly(first, first, first, second);
    assertThat(out.get(1).value)
        .isEqualTo(
            event(
                first + "/acknowledged",
                first,
                "payments",
                11,
                IncidentAcknowledged.newBuilder().setActor("integration").build()));
    assertThat(out.get(2).value)
        .isEqualTo(
            event(
                first + "/resolved",
                first,
                "payments",
                31,
                IncidentResolved.newBuilder().setActor("integration").build()));
    assertThat(out.get(3).value.getEventId()).isEqualTo(second + "/opened");
    assertThat(((IncidentOpened) out.get(3).value.getEvent()).getPriority()).isEqualTo(Priority.P3);
  }

  @Test
  void acknowledgeAndResolveWithoutAnOpenIncidentAreIgnored() {
    send(alert("a1", AlertAction.ACKNOWLEDGE, "payments", "db-down", Severity.ERROR, 0));
    send(alert("a2", AlertAction.RESOLVE, "payments", "db-down", Severity.ERROR, 10));

    assertThat(incidents.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void sameDedupKeyOnAnotherServiceIsAnotherIncident() {
    send(alert("a1", AlertAction.TRIGGER, "payments", "db-down", Severity.CRITICAL, 0));
    send(alert("a2", AlertAction.TRIGGER, "checkout", "db-down", Severity.CRITICAL, 1));

    List<IncidentEvent> out = incidents.readValuesToList();
    assertThat(out)
        .extracting(IncidentEvent::getEventId)
        .containsExactly(
            IncidentIds.incidentId("a1") + "/opened", IncidentIds.incidentId("a2") + "/opened");
    assertThat(out)
        .extracting(e -> ((IncidentOpened) e.getEvent()).getPriority())
        .containsExactly(Priority.P1, Priority.P2);
  }

  @Test
  void alertForAnUnknownServiceIsDeadLetteredAndOpensNothing() {
    AlertEvent stray = alert("a1", AlertAction.TRIGGER, "billing", "x", Severity.CRITICAL, 0);
    send(stray);

    assertThat(incidents.isEmpty()).isTrue();
    List<KeyValue<String, DeadLetter>> letters = deadLetters.readKeyValuesToList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).key).isEqualTo("billing/x");
    DeadLetter letter = letters.get(0).value;
    assertThat(letter.getOriginTopic()).isEqualTo("vigil.alerts.v1");
    assertThat(letter.getOriginOffset()).isEqualTo(0L);
    assertThat(letter.getReason())
        .isEqualTo("unknown service 'billing': add it to the configuration");
    assertThat(letter.getApplication()).isEqualTo("vigil-classifier");
    assertThat(letter.getValue()).isNotNull();
  }

  private void send(AlertEvent alert) {
    alerts.pipeInput(Topics.alertKey(alert.getServiceId(), alert.getDedupKey()), alert);
  }

  private static AlertEvent alert(
      String eventId,
      AlertAction action,
      String service,
      String dedupKey,
      Severity severity,
      long secondsAfterT0) {
    return AlertEvent.newBuilder()
        .setEventId(eventId)
        .setAction(action)
        .setServiceId(service)
        .setDedupKey(dedupKey)
        .setSourceFormat(SourceFormat.EVENTS_V2)
        .setSeverity(severity)
        .setSummary("summary of " + eventId)
        .setLabels(Map.of("cluster", "eu-1"))
        .setLinks(List.of(new Link("http://grafana/d/1", "dashboard")))
        .setOccurredAt(T0.plusSeconds(secondsAfterT0))
        .setReceivedAt(T0.plusSeconds(secondsAfterT0 + 1))
        .build();
  }

  private static IncidentEvent event(
      String eventId, String incidentId, String service, long receivedSeconds, Object payload) {
    return IncidentEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId(service)
        .setOccurredAt(T0.plusSeconds(receivedSeconds))
        .setEvent(payload)
        .build();
  }
}
