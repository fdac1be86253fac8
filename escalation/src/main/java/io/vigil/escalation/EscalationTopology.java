package io.vigil.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.policy.Escalator;
import io.vigil.escalation.policy.TargetResolver;
import io.vigil.escalation.sla.SlaTracker;
import io.vigil.escalation.timer.DueTimer;
import io.vigil.escalation.timer.EscalationEngine;
import io.vigil.escalation.timer.EscalationMetrics;
import io.vigil.escalation.timer.EscalationTimerProcessor;
import io.vigil.escalation.timer.IncidentState;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.SlaEvent;
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
 * whose changelogged stores hold each incident's state and its durable timers; it publishes who is
 * paged on {@code vigil.escalations.v1} (key incident id) and response times and SLA breaches on
 * {@code vigil.sla.v1} (key service id).
 */
public final class EscalationTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-escalation";

  /** How often due timers are checked, in wall-clock time. */
  public static final Duration TICK = Duration.ofMillis(100);

  public static final String SOURCE = "incidents-source";
  public static final String TIMERS = "escalation-timers";
  public static final String TIMERS_STORE = EscalationTimerProcessor.TIMERS_STORE;
  public static final String INCIDENTS_STORE = EscalationTimerProcessor.INCIDENTS_STORE;
  public static final String TURNS_STORE = EscalationTimerProcessor.TURNS_STORE;
  public static final String ESCALATIONS_SINK = "escalations-sink";
  public static final String SLA_SINK = "sla-sink";

  private EscalationTopology() {}

  /** Builds the topology for this configuration, with meters kept in a private registry. */
  public static Topology build(VigilConfig config, SchemaRegistryClient registry) {
    return build(config, registry, new SimpleMeterRegistry());
  }

  /** Builds the topology for this configuration, with serdes using {@code registry}. */
  public static Topology build(
      VigilConfig config, SchemaRegistryClient registry, MeterRegistry meters) {
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    AvroSerde<EscalationEvent> escalations = AvroSerde.forValues(Topics.ESCALATIONS, registry);
    AvroSerde<SlaEvent> sla = AvroSerde.forValues(Topics.SLA, registry);
    EscalationMetrics metrics = new EscalationMetrics(meters);
    EscalationEngine engine =
        new EscalationEngine(
            config, new Escalator(new TargetResolver(config)), new SlaTracker(config, metrics));

    Topology topology = new Topology();
    topology.addSource(
        SOURCE, Serdes.String().deserializer(), incidents.deserializer(), Topics.INCIDENTS.name());
    topology.addProcessor(
        TIMERS,
        () ->
            new EscalationTimerProcessor(config, engine, metrics, TICK, ESCALATIONS_SINK, SLA_SINK),
        SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TIMERS_STORE),
                Serdes.String(),
                new JsonSerde<>(DueTimer.class))
            .withLoggingEnabled(Map.of()),
        TIMERS);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INCIDENTS_STORE),
                Serdes.String(),
                new JsonSerde<>(IncidentState.class))
            .withLoggingEnabled(Map.of()),
        TIMERS);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TURNS_STORE), Serdes.String(), Serdes.Long())
            .withLoggingEnabled(Map.of()),
        TIMERS);
    topology.addSink(
        ESCALATIONS_SINK,
        Topics.ESCALATIONS.name(),
        Serdes.String().serializer(),
        escalations.serializer(),
        TIMERS);
    topology.addSink(
        SLA_SINK, Topics.SLA.name(), Serdes.String().serializer(), sla.serializer(), TIMERS);
    return topology;
  }
}
