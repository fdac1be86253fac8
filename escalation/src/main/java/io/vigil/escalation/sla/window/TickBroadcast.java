package io.vigil.escalation.sla.window;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a tick to every partition of the measurements' repartition topic, so each task's windows
 * close on time even when its services are quiet; every other measurement goes where its key hashes
 * to.
 */
final class TickBroadcast implements StreamPartitioner<String, WindowSummary> {

  @Override
  public Integer partition(String topic, String key, WindowSummary value, int numPartitions) {
    return null;
  }

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String key, WindowSummary value, int numPartitions) {
    if (!Measurements.TICK_KEY.equals(key)) {
      return Optional.empty();
    }
    return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
  }
}
