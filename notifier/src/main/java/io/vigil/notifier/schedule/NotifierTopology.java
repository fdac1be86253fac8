package io.vigil.notifier.schedule;

import io.vigil.config.VigilConfig;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.notifier.storm.StormDigest;
import io.vigil.notifier.storm.StormWindow;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The notifier's topology, in two steps. Escalations and incident events, keyed by incident id,
 * drive the {@link StepSchedulerProcessor}, which keeps waiting steps per incident; due steps (and
 * word of closed incidents) are repartitioned by user id to the {@link HandoverProcessor}, which
 * applies the user's storm windows and hands steps to the engine. Every store is changelogged;
 * sending happens off the stream thread, in the {@link StepHandoff}.
 */
public final class NotifierTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-notifier";

  /** How often waiting steps and storm windows are checked, in wall-clock time. */
  public static final Duration TICK = Duration.ofMillis(250);

  public static final String ESCALATIONS_SOURCE = "escalations-source";
  public static final String INCIDENTS_SOURCE = "incidents-source";
  public static final String SCHEDULER = "notification-steps";
  public static final String BY_USER = "steps-by-user";
  public static final String HANDOVER = "notification-handover";

  private NotifierTopology() {}

  /**
   * Builds the topology, handing due steps to {@code handoff}.
   *
   * @param config the configuration as it is now, read for every page (a {@code LiveConfig})
   * @param tick how often waiting steps and storm windows are checked
   * @param digestInterval at most one message per user per channel per interval; 0 turns it off
   */
  public static Topology build(
      Supplier<VigilConfig> config,
      SchemaRegistryClient registry,
      StepHandoff handoff,
      Duration tick,
      Duration digestInterval) {
    NotificationPlan plan = new NotificationPlan(config);
    StormDigest storm = new StormDigest(digestInterval);
    StreamsBuilder builder = new StreamsBuilder();
    store(builder, StepSchedulerProcessor.PENDING_STORE, new JsonSerde<>(ScheduledStep.class));
    store(builder, StepSchedulerProcessor.PAGED_STORE, new JsonSerde<>(PagedUsers.class));
    store(builder, HandoverProcessor.IN_FLIGHT_STORE, new JsonSerde<>(ScheduledStep.class));
    store(builder, HandoverProcessor.STORM_STORE, new JsonSerde<>(StormWindow.class));
    store(builder, HandoverProcessor.EXPEDITED_STORE, Serdes.Long());
    store(builder, HandoverProcessor.CLOSED_STORE, Serdes.Long());

    KStream<String, SpecificRecord> escalations =
        builder.stream(
                Topics.ESCALATIONS.name(),
                Consumed.with(Serdes.String(), AvroSerde.forValues(Topics.ESCALATIONS, registry))
                    .withName(ESCALATIONS_SOURCE))
            .mapValues(e -> (SpecificRecord) e, Named.as("escalation-events"));
    KStream<String, SpecificRecord> incidents =
        builder.stream(
                Topics.INCIDENTS.name(),
                Consumed.with(Serdes.String(), AvroSerde.forValues(Topics.INCIDENTS, registry))
                    .withName(INCIDENTS_SOURCE))
            .mapValues(e -> (SpecificRecord) e, Named.as("incident-events"));
    escalations
        .merge(incidents, Named.as("escalations-and-incidents"))
        .process(
            () -> new StepSchedulerProcessor(plan, tick),
            Named.as(SCHEDULER),
            StepSchedulerProcessor.PENDING_STORE,
            StepSchedulerProcessor.PAGED_STORE)
        .repartition(
            Repartitioned.<String, Handover>as(BY_USER)
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(Handover.class)))
        .process(
            () -> new HandoverProcessor(plan, handoff, tick, storm),
            Named.as(HANDOVER),
            HandoverProcessor.IN_FLIGHT_STORE,
            HandoverProcessor.STORM_STORE,
            HandoverProcessor.EXPEDITED_STORE,
            HandoverProcessor.CLOSED_STORE);
    return builder.build();
  }

  private static <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
            .withLoggingEnabled(Map.of()));
  }
}
