package io.vigil.classifier;

import io.vigil.classifier.desk.DeskState;
import io.vigil.classifier.desk.ServiceDeskProcessor;
import io.vigil.classifier.grouping.GroupWindow;
import io.vigil.classifier.grouping.ServiceWindow;
import io.vigil.classifier.grouping.ThresholdCount;
import io.vigil.classifier.heartbeat.HeartbeatState;
import io.vigil.classifier.incident.AlertState;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.classifier.maintenance.HeldAlert;
import io.vigil.classifier.maintenance.HeldAlertListener;
import io.vigil.classifier.routing.AlertRouter;
import io.vigil.classifier.routing.CommandRouter;
import io.vigil.classifier.routing.DeskPartition;
import io.vigil.classifier.routing.DirectoryEntry;
import io.vigil.classifier.routing.IncidentDirectory;
import io.vigil.classifier.routing.PendingCommand;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
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
 * incident id, routed through a directory of incidents that the same task reads back from {@code
 * vigil.incidents.v1}) are re-keyed by service and meet in one service desk, the single writer of
 * incident events (an alert already in its service's partition goes to the desk in the same task,
 * without the repartition hop); every decision reads the configuration in force when its record
 * arrives, and records it cannot use go to the dead-letter topic.
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
  public static final String ALERTS_IN_PLACE = "alerts-in-place";
  public static final String ALERTS_MOVED = "alerts-to-move";
  public static final String COMMANDS_BY_SERVICE = "commands-by-service";
  public static final String LIFECYCLE = "incident-lifecycle";
  public static final String INCIDENTS_SINK = "incidents-sink";
  public static final String REJECTIONS_SINK = "rejected-commands-sink";
  public static final String DEAD_LETTERS_SINK = "dead-letters-sink";
  public static final String ALERT_DEAD_LETTERS_SINK = "unknown-service-dead-letters-sink";
  public static final String COMMAND_DEAD_LETTERS_SINK = "command-router-dead-letters-sink";

  /**
   * Topic settings of the stores' changelogs: a segment is closed every 5 minutes and compacted
   * once a tenth of it is overwritten, so that after a crash (exactly-once wipes the local state)
   * the restore reads about the current state, not every update since the changelog began.
   */
  public static final Map<String, String> CHANGELOG =
      Map.of(
          TopicConfig.SEGMENT_MS_CONFIG,
          "300000",
          TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
          "0.1");

  /** The command router's stores: the incident directory, its expiry index, waiting commands. */
  public static final List<String> ROUTER_STORES =
      List.of(IncidentDirectory.STORE, IncidentDirectory.EXPIRY, PendingCommand.STORE);

  private IncidentTopology() {}

  /** Builds the topology with the default {@link ClassifierOptions}. */
  public static Topology build(Supplier<VigilConfig> config, SchemaRegistryClient registry) {
    return build(config, registry, ClassifierOptions.DEFAULTS);
  }

  /** Builds the topology, telling no one of alerts held by maintenance windows. */
  public static Topology build(
      Supplier<VigilConfig> config, SchemaRegistryClient registry, ClassifierOptions options) {
    return build(config, registry, options, HeldAlertListener.NONE);
  }

  /**
   * Builds the topology: {@code config} is read for every record (it may change while the topology
   * runs), serdes use {@code registry}, and {@code heldAlerts} hears of every alert a maintenance
   * window holds back.
   */
  public static Topology build(
      Supplier<VigilConfig> config,
      SchemaRegistryClient registry,
      ClassifierOptions options,
      HeldAlertListener heldAlerts) {
    AvroSerde<AlertEvent> alerts = AvroSerde.forValues(Topics.ALERTS, registry);
    AvroSerde<IncidentCommand> commands = AvroSerde.forValues(Topics.INCIDENT_COMMANDS, registry);
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    AvroSerde<DeadLetter> deadLetters = AvroSerde.forValues(Topics.DEAD_LETTERS, registry);
    Serde<String> keys = Serdes.String();
    StreamsBuilder builder = new StreamsBuilder();

    KStream<String, SpecificRecord> routedAlerts =
        builder.stream(Topics.ALERTS.name(), Consumed.with(keys, alerts).withName(SOURCE))
            .process(
                () -> new AlertRouter(config, APPLICATION_ID, alerts.serializer()),
                Named.as(ALERT_ROUTER));
    only(routedAlerts, DeadLetter.class, "alert-router-dead-letters")
        .to(
            Topics.DEAD_LETTERS.name(),
            Produced.with(keys, deadLetters).withName(ALERT_DEAD_LETTERS_SINK));
    // An alert read from its service's partition goes straight to the desk (one exactly-once hop);
    // any other moves there through alerts-by-service. Both feed one sub-topology and task.
    KStream<String, AlertEvent> serviceAlerts =
        only(routedAlerts, AlertEvent.class, "alert-router-alerts");
    int partitions = options.partitions();
    KStream<String, SpecificRecord> alertsInPlace =
        serviceAlerts
            .process(() -> DeskPartition.<AlertEvent>direct(partitions), Named.as(ALERTS_IN_PLACE))
            .mapValues(v -> (SpecificRecord) v, Named.as("alerts-in-place-read"));
    KStream<String, SpecificRecord> alertsByService =
        serviceAlerts
            .process(() -> DeskPartition.<AlertEvent>moved(partitions), Named.as(ALERTS_MOVED))
            .repartition(
                Repartitioned.with(keys, alerts)
                    .withName(ALERTS_BY_SERVICE)
                    .withNumberOfPartitions(partitions))
            .mapValues(v -> (SpecificRecord) v, Named.as("alerts-by-service-read"));

    // Commands and the incidents they name share a key (incident id) and a partition count, so one
    // task sees an incident open before any command for it, in timestamp order.
    addRouterStores(builder);
    KStream<String, SpecificRecord> directoryUpdates =
        builder.stream(
                Topics.INCIDENTS.name(), Consumed.with(keys, incidents).withName(DIRECTORY_SOURCE))
            .mapValues(v -> (SpecificRecord) v, Named.as("incident-directory-read"));
    KStream<String, SpecificRecord> routedCommands =
        builder.stream(
                Topics.INCIDENT_COMMANDS.name(),
                Consumed.with(keys, commands).withName(COMMANDS_SOURCE))
            .mapValues(v -> (SpecificRecord) v, Named.as("commands-read"))
            .merge(directoryUpdates, Named.as("commands-and-incidents"))
            .process(
                () -> new CommandRouter(options, APPLICATION_ID, commands),
                Named.as(COMMAND_ROUTER),
                ROUTER_STORES.toArray(String[]::new));
    only(routedCommands, IncidentEvent.class, "command-router-rejections")
        .to(Topics.INCIDENTS.name(), Produced.with(keys, incidents).withName(REJECTIONS_SINK));
    only(routedCommands, DeadLetter.class, "command-router-dead-letters")
        .to(
            Topics.DEAD_LETTERS.name(),
            Produced.with(keys, deadLetters).withName(COMMAND_DEAD_LETTERS_SINK));
    KStream<String, SpecificRecord> commandsByService =
        only(routedCommands, IncidentCommand.class, "command-router-commands")
            .repartition(
                Repartitioned.with(keys, commands)
                    .withName(COMMANDS_BY_SERVICE)
                    .withNumberOfPartitions(options.partitions()))
            .mapValues(v -> (SpecificRecord) v, Named.as("commands-by-service-read"));

    addDeskStores(builder);
    KStream<String, SpecificRecord> desk =
        alertsInPlace
            .merge(alertsByService, Named.as("alerts-in-place-and-moved"))
            .merge(commandsByService, Named.as("alerts-and-commands"))
            .process(
                () ->
                    new ServiceDeskProcessor(
                        config,
                        options,
                        APPLICATION_ID,
                        alerts.serializer(),
                        commands.serializer(),
                        heldAlerts),
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

  private static void addRouterStores(StreamsBuilder builder) {
    store(builder, IncidentDirectory.STORE, new JsonSerde<>(DirectoryEntry.class));
    store(builder, IncidentDirectory.EXPIRY, Serdes.String());
    store(builder, PendingCommand.STORE, new JsonSerde<>(PendingCommand.class));
  }

  private static void addDeskStores(StreamsBuilder builder) {
    store(builder, DeskState.INCIDENTS, new JsonSerde<>(IncidentState.class));
    store(builder, DeskState.ALERTS, new JsonSerde<>(AlertState.class));
    store(builder, DeskState.GROUPS, new JsonSerde<>(GroupWindow.class));
    store(builder, DeskState.THRESHOLDS, new JsonSerde<>(ThresholdCount.class));
    store(builder, DeskState.SERVICES, new JsonSerde<>(ServiceWindow.class));
    store(builder, DeskState.HEARTBEATS, new JsonSerde<>(HeartbeatState.class));
    store(builder, DeskState.EXPIRY, Serdes.String());
    store(builder, DeskState.HELD, new JsonSerde<>(HeldAlert.class));
    store(builder, DeskState.MEMBERS, Serdes.String());
    store(builder, DeskState.PENDING_COUNTS, Serdes.String());
  }

  private static <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
            .withCachingEnabled()
            .withLoggingEnabled(CHANGELOG));
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> KStream<String, T> only(
      KStream<String, SpecificRecord> stream, Class<T> type, String name) {
    return stream
        .filter((k, v) -> type.isInstance(v), Named.as(name + "-filter"))
        .mapValues(v -> (T) v, Named.as(name));
  }
}
