package io.vigil.runtime.streams;

import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * What a Kafka Streams service hands to the shared runtime: its application id, the topology its
 * pure {@code build} function made, and any settings of its own.
 */
public record StreamsTopology(
    String applicationId, Topology topology, Map<String, Object> overrides) {

  public StreamsTopology(String applicationId, Topology topology) {
    this(applicationId, topology, Map.of());
  }
}
