package io.vigil.escalation;

import io.vigil.config.VigilConfig;
import io.vigil.escalation.policy.Escalator;
import io.vigil.escalation.policy.TargetResolver;
import io.vigil.escalation.timer.EscalationTimerProcessor;
import io.vigil.escalation.timer.PendingStep;
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
 * The escalation service's topology: incident events keyed by incident id drive one timer processor
 * whose changelogged stores hold each incident's pending step; it publishes who is paged on {@code
 * vigil.escalations.v1}, keyed by incident id.
 */
public final class EscalationTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-escalation";

  /** How often due timers are checked, in wall-clock time. */
  public static final Duration TICK = Duration.ofMillis(250);

  public static final String SOURCE = "incidents-source";
  public static final String TIMERS = "escalation-timers";
  public static final String TIMERS_STORE = "escalation-timers";
  public static final String INDEX_STORE = "escalation-pending-by-incident";
  public static final String ESCALATIONS_SINK = "escalations-sink";

  private EscalationTopology() {}

  /** Builds the topology for this configuration, with serdes using {@code registry}. */
  public static Topology build(VigilConfig config, SchemaRegistryClient registry) {
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    AvroSerde<EscalationEvent> escalations = AvroSerde.forValues(Topics.ESCALATIONS, registry);
    Escalator escalator = new Escalator(new TargetResolver(config));

    Topology topology = new Topology();
    topology.addSource(
        SOURCE, Serdes.String().deserializer(), incidents.deserializer(), Topics.INCIDENTS.name());
    topology.addProcessor(
        TIMERS,
        () -> new EscalationTimerProcessor(config, escalator, TICK, TIMERS_STORE, INDEX_STORE),
        SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TIMERS_STORE),
                Serdes.String(),
                new JsonSerde<>(PendingStep.class))
            .withLoggingEnabled(Map.of()),
        TIMERS);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INDEX_STORE), Serdes.String(), Serdes.String())
            .withLoggingEnabled(Map.of()),
        TIMERS);
    topology.addSink(
        ESCALATIONS_SINK,
        Topics.ESCALATIONS.name(),
        Serdes.String().serializer(),
        escalations.serializer(),
        TIMERS);
    return topology;
  }
}
