package io.vigil.classifier;

import io.vigil.classifier.classify.Classifier;
import io.vigil.classifier.desk.AlertRouter;
import io.vigil.classifier.desk.CommandRouter;
import io.vigil.classifier.desk.DeskState;
import io.vigil.classifier.desk.IncidentDirectory;
import io.vigil.classifier.desk.ServiceDeskProcessor;
import io.vigil.classifier.grouping.GroupWindow;
import io.vigil.classifier.grouping.ServiceWindow;
import io.vigil.classifier.grouping.ThresholdCount;
import io.vigil.classifier.heartbeat.HeartbeatState;
import io.vigil.classifier.incident.AlertState;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The classifier's topology: alerts (keyed {@code serviceId/dedupKey}) and human commands (keyed by
 * incident id, routed through a directory of incidents read back from {@code vigil.incidents.v1})
 * are re-keyed by service and meet in one service desk, the single writer of incident events;
 * records it cannot use go to the dead-letter topic.
 */
public final class IncidentTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-classifier";

  public static final String SOURCE = "alerts-source";
  public static final String COMMANDS_SOURCE = "commands-source";
  public static final String DIRECTORY_SOURCE = "incident-directory-source";
  public static final String ALERT_ROUTER = "alert-router";
  public static final String COMMAND_ROUTER = "command-router";
  public static final String ALERTS_BY_SERVICE = "alerts-by-service";
  public static final String COMMANDS_BY_SERVICE = "commands-by-service";
  public static final String LIFECYCLE = "incident-lifecycle";
  public static final String INCIDENTS_SINK = "incidents-sink";
  public static final String REJECTIONS_SINK = "rejected-commands-sink";
  public static final String DEAD_LETTERS_SINK = "dead-letters-sink";
  public static final String ALERT_DEAD_LETTERS_SINK = "unknown-service-dead-letters-sink";

  private IncidentTopology() {}

  /** Builds the topology with the default {@link ClassifierOptions}. */
  public static Topology build(VigilConfig config, SchemaRegistryClient registry) {
    return build(config, registry, ClassifierOptions.DEFAULTS);
  }

  /** Builds the topology for this configuration, with serdes using {@code registry}. */
  public static Topology build(
      VigilConfig config, SchemaRegistryClient registry, ClassifierOptions options) {
    AvroSerde<AlertEvent> alerts = AvroSerde.forValues(Topics.ALERTS, registry);
    AvroSerde<IncidentCommand> commands = AvroSerde.forValues(Topics.INCIDENT_COMMANDS, registry);
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    AvroSerde<DeadLetter> deadLetters = AvroSerde.forValues(Topics.DEAD_LETTERS, registry);
    Classifier classifier = new Classifier(config.classification());
    Serde<String> keys = Serdes.String();
    StreamsBuilder builder = new StreamsBuilder();

    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IncidentDirectory.STORE), keys, Serdes.String())
            .withLoggingDisabled(),
        Topics.INCIDENTS.name(),
        Consumed.with(keys, incidents).withName(DIRECTORY_SOURCE),
        IncidentDirectory::new);

    KStream<String, SpecificRecord> routedAlerts =
        builder.stream(Topics.ALERTS.name(), Consumed.with(keys, alerts).withName(SOURCE))
            .process(
                () -> new AlertRouter(config, APPLICATION_ID, alerts.serializer()),
                Named.as(ALERT_ROUTER));
    only(routedAlerts, DeadLetter.class, "alert-router-dead-letters")
        .to(
            Topics.DEAD_LETTERS.name(),
            Produced.with(keys, deadLetters).withName(ALERT_DEAD_LETTERS_SINK));
    KStream<String, SpecificRecord> alertsByService =
        only(routedAlerts, AlertEvent.class, "alert-router-alerts")
            .repartition(
                Repartitioned.with(keys, alerts)
                    .withName(ALERTS_BY_SERVICE)
                    .withNumberOfPartitions(options.partitions()))
            .mapValues(v -> (SpecificRecord) v, Named.as("alerts-by-service-read"));

    KStream<String, SpecificRecord> routedCommands =
        builder.stream(
                Topics.INCIDENT_COMMANDS.name(),
                Consumed.with(keys, commands).withName(COMMANDS_SOURCE))
            .process(CommandRouter::new, Named.as(COMMAND_ROUTER));
    only(routedCommands, IncidentEvent.class, "command-router-rejections")
        .to(Topics.INCIDENTS.name(), Produced.with(keys, incidents).withName(REJECTIONS_SINK));
    KStream<String, SpecificRecord> commandsByService =
        only(routedCommands, IncidentCommand.class, "command-router-commands")
            .repartition(
                Repartitioned.with(keys, commands)
                    .withName(COMMANDS_BY_SERVICE)
                    .withNumberOfPartitions(options.partitions()))
            .mapValues(v -> (SpecificRecord) v, Named.as("commands-by-service-read"));

    addDeskStores(builder);
    KStream<String, SpecificRecord> desk =
        alertsByService
            .merge(commandsByService, Named.as("alerts-and-commands"))
            .process(
                () ->
                    new ServiceDeskProcessor(
                        config,
                        classifier,
                        options.closedRetention(),
                        options.sweepInterval(),
                        APPLICATION_ID,
                        alerts.serializer(),
                        commands.serializer()),
                Named.as(LIFECYCLE),
                DeskState.STORES.toArray(String[]::new));
    only(desk, IncidentEvent.class, "incident-events")
        .to(Topics.INCIDENTS.name(), Produced.with(keys, incidents).withName(INCIDENTS_SINK));
    only(desk, DeadLetter.class, "incident-dead-letters")
        .to(
            Topics.DEAD_LETTERS.name(),
            Produced.with(keys, deadLetters).withName(DEAD_LETTERS_SINK));
    return builder.build();
  }

  private static void addDeskStores(StreamsBuilder builder) {
    store(builder, DeskState.INCIDENTS, new JsonSerde<>(IncidentState.class));
    store(builder, DeskState.ALERTS, new JsonSerde<>(AlertState.class));
    store(builder, DeskState.GROUPS, new JsonSerde<>(GroupWindow.class));
    store(builder, DeskState.THRESHOLDS, new JsonSerde<>(ThresholdCount.class));
    store(builder, DeskState.SERVICES, new JsonSerde<>(ServiceWindow.class));
    store(builder, DeskState.HEARTBEATS, new JsonSerde<>(HeartbeatState.class));
    store(builder, DeskState.EXPIRY, Serdes.String());
  }

  private static <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
            .withCachingEnabled()
            .withLoggingEnabled(java.util.Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> KStream<String, T> only(
      KStream<String, SpecificRecord> stream, Class<T> type, String name) {
    return stream
        .filter((k, v) -> type.isInstance(v), Named.as(name + "-filter"))
        .mapValues(v -> (T) v, Named.as(name));
  }
}
