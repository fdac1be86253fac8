package io.vigil.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.sla.SlaTracker;
import io.vigil.escalation.sla.window.SlaWindows;
import io.vigil.escalation.timer.DueTimer;
import io.vigil.escalation.timer.EscalationEngine;
import io.vigil.escalation.timer.EscalationMetrics;
import io.vigil.escalation.timer.EscalationTimerProcessor;
import io.vigil.escalation.timer.IncidentState;
import io.vigil.escalation.timer.ResolvedIncidents;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The escalation service's topology: incident events keyed by incident id drive one timer processor
 * whose changelogged stores hold each incident's state and its durable timers; it publishes who is
 * paged on {@code vigil.escalations.v1} (key incident id) and response times and SLA breaches on
 * {@code vigil.sla.v1} (key service id), where hourly and daily windows of them are summarized too.
 * Every decision reads the configuration the supplier gives at that moment.
 */
public final class EscalationTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-escalation";

  public static final String SOURCE = "incidents-source";
  public static final String TIMERS = "escalation-timers";
  public static final String TIMERS_STORE = EscalationTimerProcessor.TIMERS_STORE;
  public static final String INCIDENTS_STORE = EscalationTimerProcessor.INCIDENTS_STORE;
  public static final String TURNS_STORE = EscalationTimerProcessor.TURNS_STORE;
  public static final String ESCALATIONS_SINK = "escalations-sink";
  public static final String SLA_SINK = "sla-sink";

  private EscalationTopology() {}

  /** Builds the topology with default options and meters kept in a private registry. */
  public static Topology build(Supplier<VigilConfig> config, SchemaRegistryClient registry) {
    return build(config, registry, new SimpleMeterRegistry(), EscalationOptions.DEFAULTS);
  }

  /**
   * Builds the topology reading {@code config} per decision, with serdes using {@code registry}.
   */
  public static Topology build(
      Supplier<VigilConfig> config,
      SchemaRegistryClient registry,
      MeterRegistry meters,
      EscalationOptions options) {
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    AvroSerde<EscalationEvent> escalations = AvroSerde.forValues(Topics.ESCALATIONS, registry);
    AvroSerde<SlaEvent> sla = AvroSerde.forValues(Topics.SLA, registry);
    EscalationMetrics metrics = new EscalationMetrics(meters);
    SlaTracker tracker = new SlaTracker(config, metrics);
    EscalationEngine engine = new EscalationEngine(config, tracker);
    ResolvedIncidents resolved =
        new ResolvedIncidents(config, tracker, engine, options.closedRetention());
    EscalationTimerProcessor.Children children =
        new EscalationTimerProcessor.Children(ESCALATIONS_SINK, SLA_SINK, SlaWindows.MEASUREMENTS);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TIMERS_STORE),
                Serdes.String(),
                new JsonSerde<>(DueTimer.class))
            .withLoggingEnabled(Map.of()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(INCIDENTS_STORE),
                Serdes.String(),
                new JsonSerde<>(IncidentState.class))
            .withLoggingEnabled(Map.of()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TURNS_STORE), Serdes.String(), Serdes.Long())
            .withLoggingEnabled(Map.of()));

    KStream<String, Object> timers =
        builder.stream(
                Topics.INCIDENTS.name(), Consumed.with(Serdes.String(), incidents).withName(SOURCE))
            .process(
                () ->
                    new EscalationTimerProcessor(
                        config, engine, resolved, metrics, options, children),
                Named.as(TIMERS),
                TIMERS_STORE,
                INCIDENTS_STORE,
                TURNS_STORE);
    timers.to(
        Topics.ESCALATIONS.name(),
        Produced.with(Serdes.String(), anyValue(escalations)).withName(ESCALATIONS_SINK));
    timers.to(Topics.SLA.name(), Produced.with(Serdes.String(), anyValue(sla)).withName(SLA_SINK));
    SlaWindows.build(timers, sla, options.summaryGrace());
    return builder.build();
  }

  /**
   * {@code serde} for a sink fed by a processor that forwards several value types, each to the sink
   * of its own type by name.
   */
  @SuppressWarnings("unchecked")
  private static Serde<Object> anyValue(Serde<?> serde) {
    return (Serde<Object>) serde;
  }
}
