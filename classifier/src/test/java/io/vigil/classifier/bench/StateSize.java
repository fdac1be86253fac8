package io.vigil.classifier.bench;

import io.vigil.testkit.KafkaStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How much state the classifier holds: per store, the live keys and bytes of its compacted
 * changelog (latest record per key, tombstones removing it), and the RocksDB files on disk.
 */
final class StateSize {

  private StateSize() {}

  /**
   * The live bytes once the classifier has caught up: the command router reads the incidents back
   * after the desk wrote them, so its directory settles a little after the last event is visible.
   */
  static Map<String, long[]> settledLiveBytes(KafkaStack stack) throws InterruptedException {
    Map<String, long[]> previous = liveBytes(stack);
    for (int i = 0; i < 30; i++) {
      Thread.sleep(2_000); // a load generator polling the changelogs, not a test
      Map<String, long[]> now = liveBytes(stack);
      if (same(previous, now)) {
        return now;
      }
      previous = now;
    }
    throw new AssertionError("the classifier's stores did not settle within a minute");
  }

  private static boolean same(Map<String, long[]> a, Map<String, long[]> b) {
    return a.keySet().equals(b.keySet())
        && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
  }

  /**
   * Per store: live keys and live bytes (key + value of the latest record per key in its changelog,
   * tombstones removing the key), i.e. what the store holds once compacted.
   */
  private static Map<String, long[]> liveBytes(KafkaStack stack) {
    Map<String, long[]> stores = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<String> changelogs =
          consumer.listTopics(Duration.ofSeconds(30)).keySet().stream()
              .filter(t -> t.startsWith("vigil-classifier-") && t.endsWith("-changelog"))
              .sorted()
              .toList();
      for (String topic : changelogs) {
        List<TopicPartition> partitions = ClassifierStormBenchmark.partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<String, Integer> live = new HashMap<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            String key = r.partition() + "/" + new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
              live.remove(key);
            } else {
              live.put(key, r.key().length + r.value().length);
            }
          }
        }
        String store = topic.substring("vigil-classifier-".length(), topic.length() - 10);
        stores.put(
            store,
            new long[] {live.size(), live.values().stream().mapToLong(Integer::longValue).sum()});
      }
    }
    return stores;
  }

  /** Bytes of the RocksDB files under the state directory. */
  static long diskBytes(Path state) {
    try (Stream<Path> files = Files.walk(state)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().contains("/rocksdb/"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // a file RocksDB removed while we walked
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints what {@code open} incidents added, per store and in all, live and on disk. */
  static void report(Map<String, long[]> before, Map<String, long[]> after, long disk, int open) {
    System.out.printf(Locale.ROOT, "state added by %,d open incidents, per store:%n", open);
    long keys = 0;
    long bytes = 0;
    for (Map.Entry<String, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[2]);
      long k = e.getValue()[0] - b[0];
      long v = e.getValue()[1] - b[1];
      keys += k;
      bytes += v;
      System.out.printf(
          Locale.ROOT,
          "  %-28s %+,10d keys %+,14d bytes  %,8.1f bytes/incident%n",
          e.getKey(),
          k,
          v,
          v / (double) open);
    }
    System.out.printf(
        Locale.ROOT,
        "live state (changelogs, compacted view): %,d keys, %,d bytes = %,.0f bytes per open"
            + " incident%nRocksDB files on disk: %+,d bytes = %,.0f bytes per open incident%n",
        keys,
        bytes,
        bytes / (double) open,
        disk,
        disk / (double) open);
  }
}
