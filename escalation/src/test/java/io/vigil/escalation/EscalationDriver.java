package io.vigil.escalation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaWindowSummarized;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The escalation topology in a TopologyTestDriver, with helpers to send incident facts. */
final class EscalationDriver implements AutoCloseable {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  final TestInputTopic<String, IncidentEvent> incidents;
  final TestOutputTopic<String, EscalationEvent> escalations;
  final TestOutputTopic<String, SlaEvent> sla;
  private Instant now;

  EscalationDriver(VigilConfig config, Instant wallClock, Path stateDir) {
    this(() -> config, wallClock, stateDir, EscalationOptions.DEFAULTS);
  }

  /** The topology reading {@code config} at each decision, with {@code options}. */
  EscalationDriver(
      Supplier<VigilConfig> config, Instant wallClock, Path stateDir, EscalationOptions options) {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, EscalationTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            EscalationTopology.build(config, registry, meters, options), props, wallClock);
    now = wallClock;
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
    sla =
        driver.createOutputTopic(
            Topics.SLA.name(),
            Serdes.String().deserializer(),
            AvroSerde.forValues(Topics.SLA, registry).deserializer());
  }

  Instant now() {
    return now;
  }

  void advance(Duration d) {
    now = now.plus(d);
    driver.advanceWallClockTime(d);
  }

  /** Moves the wall clock forward to {@code at}. */
  void advanceTo(Instant at) {
    advance(Duration.between(now, at));
  }

  /** Sends {@code payload} as a fact of {@code incidentId} of service {@code service}, now. */
  void send(String incidentId, String service, String eventId, Object payload) {
    send(incidentId, service, eventId, payload, now);
  }

  /** Sends {@code payload} as a fact that occurred at {@code occurredAt} (now or earlier). */
  void send(String incidentId, String service, String eventId, Object payload, Instant occurredAt) {
    incidents.pipeInput(
        incidentId,
        IncidentEvent.newBuilder()
            .setEventId(incidentId + "/" + eventId)
            .setIncidentId(incidentId)
            .setServiceId(service)
            .setOccurredAt(occurredAt)
            .setEvent(payload)
            .build());
  }

  void open(String incidentId, String service, Priority priority, Urgency urgency) {
    send(
        incidentId,
        service,
        "opened",
        IncidentOpened.newBuilder()
            .setDedupKey("db-down")
            .setTitle("Database down")
            .setSeverity(Severity.CRITICAL)
            .setPriority(priority)
            .setIncidentClass(IncidentClass.CRITICAL)
            .setUrgency(urgency)
            .setAlertEventId("a1")
            .setFirstSeen(now)
            .build());
  }

  /** The per-incident SLA events published since the last read (window summaries left out). */
  List<SlaEvent> slaEvents() {
    return sla.readValuesToList().stream()
        .filter(e -> !(e.getEvent() instanceof SlaWindowSummarized))
        .toList();
  }

  /**
   * The events published since the last read, as {@code eventId reason [users] at T next N}, with
   * {@code due D} when a timer fired the step.
   */
  List<String> fired() {
    return escalations.readValuesToList().stream().map(EscalationDriver::describe).toList();
  }

  static String describe(EscalationEvent e) {
    if (e.getEvent() instanceof EscalationFired f) {
      return e.getEventId()
          + " "
          + f.getReason()
          + " "
          + f.getTargets().stream().map(t -> t.getUserId()).toList()
          + " at "
          + e.getOccurredAt()
          + " next "
          + f.getNextStepDueAt()
          + (f.getDueAt() == null ? "" : " due " + f.getDueAt());
    }
    return e.getEventId()
        + " "
        + e.getEvent().getClass().getSimpleName()
        + " at "
        + e.getOccurredAt();
  }

  @Override
  public void close() {
    driver.close();
  }
}
