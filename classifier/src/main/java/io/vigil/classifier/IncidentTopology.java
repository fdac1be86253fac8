package io.vigil.classifier;

import io.vigil.classifier.classify.Classifier;
import io.vigil.classifier.incident.IncidentLifecycle;
import io.vigil.classifier.incident.OpenIncident;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The classifier's topology: alerts keyed {@code serviceId/dedupKey} pass through one stateful
 * lifecycle step that keeps each key's open incident and publishes incident events keyed by
 * incident id; alerts for unknown services go to the dead-letter topic.
 */
public final class IncidentTopology {

  /** Kafka Streams application id (consumer group and internal topic prefix). */
  public static final String APPLICATION_ID = "vigil-classifier";

  public static final String SOURCE = "alerts-source";
  public static final String LIFECYCLE = "incident-lifecycle";
  public static final String OPEN_INCIDENTS_STORE = "open-incidents";
  public static final String INCIDENTS_SINK = "incidents-sink";
  public static final String DEAD_LETTERS_SINK = "dead-letters-sink";

  private IncidentTopology() {}

  /** Builds the topology for this configuration, with serdes using {@code registry}. */
  public static Topology build(VigilConfig config, SchemaRegistryClient registry) {
    AvroSerde<AlertEvent> alerts = AvroSerde.forValues(Topics.ALERTS, registry);
    AvroSerde<IncidentEvent> incidents = AvroSerde.forValues(Topics.INCIDENTS, registry);
    AvroSerde<DeadLetter> deadLetters = AvroSerde.forValues(Topics.DEAD_LETTERS, registry);
    IncidentLifecycle lifecycle = new IncidentLifecycle(new Classifier(config.classification()));

    Topology topology = new Topology();
    topology.addSource(
        SOURCE, Serdes.String().deserializer(), alerts.deserializer(), Topics.ALERTS.name());
    topology.addProcessor(
        LIFECYCLE,
        () -> new IncidentLifecycleProcessor(config, lifecycle, alerts.serializer()),
        SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OPEN_INCIDENTS_STORE),
                Serdes.String(),
                new JsonSerde<>(OpenIncident.class))
            .withLoggingEnabled(java.util.Map.of()),
        LIFECYCLE);
    topology.addSink(
        INCIDENTS_SINK,
        Topics.INCIDENTS.name(),
        Serdes.String().serializer(),
        incidents.serializer(),
        LIFECYCLE);
    topology.addSink(
        DEAD_LETTERS_SINK,
        Topics.DEAD_LETTERS.name(),
        Serdes.String().serializer(),
        deadLetters.serializer(),
        LIFECYCLE);
    return topology;
  }
}
