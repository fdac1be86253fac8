package io.vigil.notifier.schedule;

import io.vigil.config.VigilConfig;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The notifier's topology: escalations and incident events, both keyed by incident id, drive one
 * step scheduler whose changelogged stores hold waiting and handed-over steps; sending happens off
 * the stream thread, in the {@link StepHandoff}.
 */
public final class NotifierTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-notifier";

  /** How often waiting steps are checked, in wall-clock time. */
  public static final Duration TICK = Duration.ofMillis(250);

  public static final String ESCALATIONS_SOURCE = "escalations-source";
  public static final String INCIDENTS_SOURCE = "incidents-source";
  public static final String SCHEDULER = "notification-steps";

  private NotifierTopology() {}

  /** Builds the topology for this configuration, handing due steps to {@code handoff}. */
  public static Topology build(
      VigilConfig config, SchemaRegistryClient registry, StepHandoff handoff, Duration tick) {
    AvroSerde<EscalationEvent> escalations = AvroSerde.forValues(Topics.ESCALATIONS, registry);
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    NotificationPlan plan = new NotificationPlan(config);

    Topology topology = new Topology();
    topology.addSource(
        ESCALATIONS_SOURCE,
        Serdes.String().deserializer(),
        escalations.deserializer(),
        Topics.ESCALATIONS.name());
    topology.addSource(
        INCIDENTS_SOURCE,
        Serdes.String().deserializer(),
        incidents.deserializer(),
        Topics.INCIDENTS.name());
    topology.addProcessor(
        SCHEDULER,
        () -> new StepSchedulerProcessor(plan, handoff, tick),
        ESCALATIONS_SOURCE,
        INCIDENTS_SOURCE);
    for (String store :
        new String[] {
          StepSchedulerProcessor.PENDING_STORE, StepSchedulerProcessor.IN_FLIGHT_STORE
        }) {
      topology.addStateStore(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(store),
                  Serdes.String(),
                  new JsonSerde<>(ScheduledStep.class))
              .withLoggingEnabled(Map.of()),
          SCHEDULER);
    }
    return topology;
  }
}
