package io.vigil.bench.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The logical size of a Kafka Streams application's state: for each of its changelog topics, the
 * bytes of the latest key and value of every live key (a tombstone removes the key) — what its
 * stores hold, before RocksDB's own overhead and compression, and what a restore has to read after
 * compaction.
 */
public final class StateBytes {

  /** One store's changelog: live keys and their bytes. */
  public record Store(String changelog, long keys, long bytes) {}

  private StateBytes() {}

  /** Reads every changelog of {@code applicationId} from the start to its current end. */
  public static List<Store> of(String bootstrap, String applicationId) {
    Properties p = Subscribers.readCommitted(bootstrap, "vigil-bench-state-bytes");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<String> changelogs =
          consumer.listTopics().keySet().stream()
              .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-changelog"))
              .sorted()
              .collect(Collectors.toList());
      Map<String, Store> stores = new TreeMap<>();
      for (String topic : changelogs) {
        stores.put(topic, read(consumer, topic));
      }
      return List.copyOf(stores.values());
    }
  }

  private static Store read(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(i -> new TopicPartition(topic, i.partition()))
            .collect(Collectors.toList());
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<String, Integer> sizes = new HashMap<>();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
        && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        String key = r.partition() + ":" + java.util.Base64.getEncoder().encodeToString(r.key());
        if (r.value() == null) {
          sizes.remove(key);
        } else {
          sizes.put(key, r.key().length + r.value().length);
        }
      }
    }
    long bytes = sizes.values().stream().mapToLong(Integer::longValue).sum();
    return new Store(topic, sizes.size(), bytes);
  }
}
