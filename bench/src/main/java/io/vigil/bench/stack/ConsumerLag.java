package io.vigil.bench.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind, read from the broker the way an operator would (committed
 * offsets against the last stable offsets, i.e. what a {@code read_committed} reader can see): the
 * lag per topic and how many records the group has committed past, which over time is the rate it
 * keeps up with.
 */
public final class ConsumerLag implements AutoCloseable {

  /** One reading of one group: per topic, the lag and the committed offsets summed. */
  public record Reading(long atNanos, Map<String, Long> lag, Map<String, Long> committed) {

    /** Lag over every topic the group reads. */
    public long totalLag() {
      return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lag on topics whose name contains {@code part}. */
    public long lagOn(String part) {
      return lag.entrySet().stream()
          .filter(e -> e.getKey().contains(part))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    /** Committed offsets summed over topics whose name contains {@code part}. */
    public long committedOn(String part) {
      return committed.entrySet().stream()
          .filter(e -> e.getKey().contains(part))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  private final Admin admin;

  public ConsumerLag(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "vigil-bench-lag");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.admin = Admin.create(p);
  }

  /**
   * The group's lag and committed offsets now. Every partition of {@code inputs} counts even before
   * the group committed on it (as committed at 0), so a group that has not started yet is behind,
   * not caught up.
   */
  public Reading read(String group, String... inputs) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          new HashMap<>(
              admin
                  .listConsumerGroupOffsets(group)
                  .partitionsToOffsetAndMetadata()
                  .get(10, TimeUnit.SECONDS));
      for (TopicDescription topic :
          admin
              .describeTopics(List.of(inputs))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .values()) {
        topic
            .partitions()
            .forEach(
                p ->
                    committed.putIfAbsent(
                        new TopicPartition(topic.name(), p.partition()), new OffsetAndMetadata(0)));
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(10, TimeUnit.SECONDS);
      Map<String, Long> lag = new HashMap<>();
      Map<String, Long> done = new HashMap<>();
      committed.forEach(
          (tp, offset) -> {
            long at = offset == null ? 0 : offset.offset();
            long end = ends.get(tp).offset();
            lag.merge(tp.topic(), Math.max(0, end - at), Long::sum);
            done.merge(tp.topic(), at, Long::sum);
          });
      return new Reading(System.nanoTime(), lag, done);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e, e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
