package io.vigil.classifier.bench;

import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load generator, not a test: how many alerts per second the classifier sustains in a storm, the
 * dedupe ratio (alerts per page), and how many bytes of state an open incident costs.
 *
 * <p>The classifier runs as its own JVM (exactly-once, RocksDB, the real topology) on the test-kit
 * broker. Phase 1, the storm: {@code bench.alerts} (200,000) triggers over {@code
 * bench.fingerprints} (2,000) dedup keys in 3 services, each collapsing past 50 distinct alerts an
 * hour, are on the topic before the classifier starts; the rate is taken from the first incident
 * event a read-committed consumer sees to the moment every alert is counted. Phase 2, open
 * incidents: {@code bench.open} (100,000) alerts with distinct keys in 3 other services (no storm
 * rule) open as many incidents, sent while the classifier runs; then the live bytes of every store
 * (latest value per key of its compacted changelog) and the RocksDB files on disk are compared with
 * those after phase 1. Its name matches neither surefire's nor failsafe's patterns, so {@code
 * verify} never runs it; run it with the command in docs/benchmarks.md.
 */
@WithKafkaStack
class ClassifierStormBenchmark {

  private static final int SERVICES = 3;
  private static final int DISTINCT_LIMIT = 50;

  private final int alerts = Integer.getInteger("bench.alerts", 200_000);
  private final int fingerprints = Integer.getInteger("bench.fingerprints", 2_000);
  private final int open = Integer.getInteger("bench.open", 100_000);
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);

  @Test
  void run(KafkaStack stack, @TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("vigil.yaml"), config());
    Path state = dir.resolve("state");
    System.out.printf(
        Locale.ROOT,
        "%nclassifier storm benchmark: %,d alerts over %,d keys, then %,d open incidents; %d cores%n",
        alerts,
        fingerprints,
        open,
        Runtime.getRuntime().availableProcessors());
    long loadStart = System.nanoTime();
    send(stack, "storm", alerts, fingerprints);
    System.out.printf(
        Locale.ROOT,
        "storm loaded in %.1f s (before the classifier starts)%n",
        (System.nanoTime() - loadStart) / 1e9);
    int port = Ports.free();
    try (KafkaConsumer<String, byte[]> consumer = incidentsConsumer(stack);
        ServiceProcess classifier =
            ServiceProcess.forModule("classifier")
                .name("classifier-storm-benchmark")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", config.toString())
                .env("VIGIL_STATE_DIR", state.toString())
                .env("PORT", String.valueOf(port))
                .start()
                .awaitHealthy(
                    URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(120))) {
      Deserializer<IncidentEvent> values = stack.serde(Topics.INCIDENTS).deserializer();
      Tally storm = new Tally("storm");
      storm.await(consumer, values, alerts, Duration.ofMinutes(20));
      storm.report(alerts);
      Map<String, long[]> liveBefore = StateSize.settledLiveBytes(stack);
      long diskBefore = StateSize.diskBytes(state);

      Tally opened = new Tally("open");
      Thread sender =
          new Thread(() -> send(stack, "open", open, open), "benchmark-open-incidents-sender");
      sender.start();
      opened.await(consumer, values, open, Duration.ofMinutes(20));
      sender.join();
      opened.report(open);
      Map<String, long[]> liveAfter = StateSize.settledLiveBytes(stack);
      long diskAfter = StateSize.diskBytes(state);
      StateSize.report(liveBefore, liveAfter, diskAfter - diskBefore, open);
    }
  }

  private String config() {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: vigil/v1
            users: [ { id: alice } ]
            escalationPolicies:
              - { id: ops, repeat: 0, levels: [ { targets: [ { user: alice } ] } ] }
            services:
            """);
    for (int s = 0; s < SERVICES; s++) {
      yaml.append("  - { id: ")
          .append(service("storm", s))
          .append(", escalationPolicy: ops, grouping: { storm: { distinctAlerts: ")
          .append(DISTINCT_LIMIT)
          .append(", within: 1h } } }\n")
          .append("  - { id: ")
          .append(service("open", s))
          .append(", escalationPolicy: ops }\n");
    }
    return yaml.append(
            "classification:\n  - { when: {}, priority: P3, class: major, urgency: high }\n")
        .toString();
  }

  private String service(String phase, int s) {
    return phase + "-" + run + "-" + s;
  }

  /** Sends {@code count} triggers of {@code phase}: alert i has key i % keys, service key % 3. */
  private void send(KafkaStack stack, String phase, int count, int keys) {
    Serializer<AlertEvent> serializer = stack.serde(Topics.ALERTS).serializer();
    Map<String, Object> props = new HashMap<>(stack.clientConfig());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        int key = i % keys;
        String service = service(phase, key % SERVICES);
        String dedupKey = "fp-" + key;
        AlertEvent alert =
            AlertEvent.newBuilder()
                .setEventId(phase + "-" + run + "-" + i)
                .setAction(AlertAction.TRIGGER)
                .setServiceId(service)
                .setDedupKey(dedupKey)
                .setSourceFormat(SourceFormat.ALERTMANAGER)
                .setSeverity(Severity.ERROR)
                .setSummary("DiskFull on node " + key)
                .setLabels(Map.of("alertname", "DiskFull", "instance", "node-" + key))
                .setOccurredAt(at)
                .setReceivedAt(at)
                .build();
        producer.send(
            new ProducerRecord<>(
                Topics.ALERTS.name(),
                Topics.alertKey(service, dedupKey),
                serializer.serialize(Topics.ALERTS.name(), alert)));
      }
      producer.flush();
    }
  }

  /** One phase's incidents as a read-committed consumer sees them. */
  private final class Tally {

    final String phase;
    final Map<String, Long> counts = new HashMap<>();
    long counted;
    long opened;
    long events;
    long first;
    long countedAtFirst;
    long last;

    Tally(String phase) {
      this.phase = phase;
    }

    void await(
        KafkaConsumer<String, byte[]> consumer,
        Deserializer<IncidentEvent> values,
        long expected,
        Duration timeout) {
      String prefix = phase + "-" + run + "-";
      long deadline = System.nanoTime() + timeout.toNanos();
      while (counted < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          IncidentEvent e = values.deserialize(r.topic(), r.value());
          if (!e.getServiceId().startsWith(prefix)) {
            continue;
          }
          events++;
          long before = counts.getOrDefault(e.getIncidentId(), 0L);
          long now = before;
          if (e.getEvent() instanceof IncidentOpened) {
            opened++;
            now = Math.max(before, 1);
          } else if (e.getEvent() instanceof AlertGrouped g) {
            now = Math.max(before, g.getAlertCount());
          }
          counts.put(e.getIncidentId(), now);
          counted += now - before;
        }
        if (first == 0 && counted > 0) {
          first = System.nanoTime();
          countedAtFirst = counted;
        }
      }
      last = System.nanoTime();
      if (counted < expected) {
        throw new AssertionError(phase + ": only " + counted + " of " + expected + " counted");
      }
    }

    void report(long sent) {
      double seconds = (last - first) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: %,d alerts counted in %,d incidents (%,d events); %,d alerts in %.1f s after the"
              + " first commit: %,.0f alerts/s; dedupe ratio %,.1f alerts per incident opened%n",
          phase,
          counted,
          opened,
          events,
          counted - countedAtFirst,
          seconds,
          (counted - countedAtFirst) / seconds,
          sent / (double) opened);
    }
  }

  private static KafkaConsumer<String, byte[]> incidentsConsumer(KafkaStack stack) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = partitions(consumer, Topics.INCIDENTS.name());
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }
}
