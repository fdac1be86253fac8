package io.vigil.classifier;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.registry.InMemorySchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The classifier's topology in a {@link TopologyTestDriver} with a configuration of the test's
 * choosing, wall clock starting at {@link #T0}, and builders for alerts and commands.
 */
final class TopologyHarness implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  final TopologyTestDriver driver;
  final TestInputTopic<String, AlertEvent> alerts;
  final TestInputTopic<String, IncidentCommand> commands;
  final TestOutputTopic<String, IncidentEvent> incidents;
  final TestOutputTopic<String, DeadLetter> deadLetters;

  /** How many alerts maintenance windows held, per service, as the listener heard them. */
  final Map<String, Integer> heldByService = new java.util.concurrent.ConcurrentHashMap<>();

  TopologyHarness(VigilConfig config, ClassifierOptions options, Path stateDir) {
    this(() -> config, options, stateDir);
  }

  /** A harness whose configuration is whatever {@code config} supplies when a record arrives. */
  TopologyHarness(Supplier<VigilConfig> config, ClassifierOptions options, Path stateDir) {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, IncidentTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            IncidentTopology.build(
                config,
                registry,
                options,
                service -> heldByService.merge(service, 1, Integer::sum)),
            props,
            T0);
    alerts =
        driver.createInputTopic(
            Topics.ALERTS.name(),
            Serdes.String().serializer(),
            AvroSerde.forValues(Topics.ALERTS, registry).serializer());
    commands =
        driver.createInputTopic(
            Topics.INCIDENT_COMMANDS.name(),
            Serdes.String().serializer(),
            AvroSerde.forValues(Topics.INCIDENT_COMMANDS, registry).serializer());
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

  TopologyHarness(String servicesYaml, Path stateDir) {
    this(config(servicesYaml), ClassifierOptions.DEFAULTS, stateDir);
  }

  /** A configuration with user alice and bob, policy {@code ops}, the given services and rules. */
  static VigilConfig config(String servicesYaml) {
    return config(
        servicesYaml,
        """
        classification:
          - { when: { severity: critical }, priority: P1, class: critical, urgency: high }
          - { when: { severity: error }, priority: P2, class: major, urgency: high }
          - { when: {}, priority: P4, class: minor, urgency: low }
        """);
  }

  /** The same with the given {@code classification:} section. */
  static VigilConfig config(String servicesYaml, String classificationYaml) {
    return VigilConfigLoader.parse(
        """
        apiVersion: vigil/v1
        users:
          - id: alice
            contactMethods: [ { id: alice-hook, type: webhook, url: "http://127.0.0.1:9999/a" } ]
          - id: bob
            contactMethods: [ { id: bob-hook, type: webhook, url: "http://127.0.0.1:9999/b" } ]
        escalationPolicies:
          - id: ops
            repeat: 0
            levels:
              - { targets: [ { user: alice } ] }
        """
            + servicesYaml
            + classificationYaml,
        "test");
  }

  void send(AlertEvent alert) {
    alerts.pipeInput(Topics.alertKey(alert.getServiceId(), alert.getDedupKey()), alert);
  }

  void send(IncidentCommand command) {
    commands.pipeInput(command.getIncidentId(), command);
  }

  void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  List<IncidentEvent> events() {
    return incidents.readValuesToList();
  }

  static AlertEvent alert(
      String eventId,
      AlertAction action,
      String service,
      String dedupKey,
      Severity severity,
      long secondsAfterT0,
      Map<String, String> labels) {
    return AlertEvent.newBuilder()
        .setEventId(eventId)
        .setAction(action)
        .setServiceId(service)
        .setDedupKey(dedupKey)
        .setSourceFormat(SourceFormat.EVENTS_V2)
        .setSeverity(severity)
        .setSummary("summary of " + eventId)
        .setLabels(labels)
        .setOccurredAt(T0.plusSeconds(secondsAfterT0))
        .setReceivedAt(T0.plusSeconds(secondsAfterT0 + 1))
        .build();
  }

  static AlertEvent trigger(String eventId, String service, String dedupKey, long seconds) {
    return alert(
        eventId, AlertAction.TRIGGER, service, dedupKey, Severity.WARNING, seconds, Map.of());
  }

  static AlertEvent resolve(String eventId, String service, String dedupKey, long seconds) {
    return alert(
        eventId, AlertAction.RESOLVE, service, dedupKey, Severity.WARNING, seconds, Map.of());
  }

  static IncidentCommand.Builder command(
      String commandId, String incidentId, CommandAction action, String actor) {
    return IncidentCommand.newBuilder()
        .setCommandId(commandId)
        .setIncidentId(incidentId)
        .setAction(action)
        .setActor(actor)
        .setIssuedAt(T0.plusSeconds(600));
  }

  @Override
  public void close() {
    driver.close();
  }
}
