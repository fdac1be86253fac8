package io.vigil.notifier.bench;

import com.sun.net.httpserver.HttpServer;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load generator, not a test: how many pages per second the notifier turns into delivered
 * webhooks, and how long from the {@code EscalationFired} record to the webhook request arriving.
 *
 * <p>The notifier runs as its own JVM on the test-kit broker (storm digest off, so every page is
 * sent; everything else at its defaults). {@code bench.users} users each have one webhook, spread
 * over {@code bench.destinations} local receivers (each its own host:port, so its own
 * per-destination limit); {@code bench.concurrency} and {@code bench.perDestination} set the
 * notifier's send limits (defaults 16 and 4, the service's). Two scenarios: <em>latency</em> — an
 * open loop of {@code bench.rate} pages/s for {@code bench.seconds} after {@code bench.warmup}
 * seconds, each timed from its intended send time to its arrival; <em>throughput</em> — {@code
 * bench.burst} pages sent at once, timed from the first send to the last arrival. Every page must
 * arrive exactly once. Its name matches neither surefire's nor failsafe's patterns, so {@code
 * verify} never runs it; the command is in docs/benchmarks.md.
 */
@WithKafkaStack
class NotifierBenchmark {

  private final int users = Integer.getInteger("bench.users", 200);
  private final int destinations = Integer.getInteger("bench.destinations", 4);
  private final int rate = Integer.getInteger("bench.rate", 50);
  private final int seconds = Integer.getInteger("bench.seconds", 30);
  private final int warmup = Integer.getInteger("bench.warmup", 10);
  private final int burst = Integer.getInteger("bench.burst", 5_000);
  private final int concurrency = Integer.getInteger("bench.concurrency", 16);
  private final int perDestination = Integer.getInteger("bench.perDestination", 4);

  /** Arrival (System.nanoTime) of each delivery id, and how many arrived twice. */
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  private final AtomicInteger duplicates = new AtomicInteger();
  private final List<HttpServer> receivers = new ArrayList<>();

  @AfterEach
  void stopReceivers() {
    receivers.forEach(r -> r.stop(0));
  }

  @Test
  void run(KafkaStack stack, @TempDir Path dir) throws Exception {
    List<Integer> ports = startReceivers();
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, config(ports));
    int port = Ports.free();
    String load = loadAverage();
    try (ServiceProcess notifier =
            ServiceProcess.forModule("notifier")
                .name("notifier-benchmark")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", config.toString())
                .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
                .env("VIGIL_NOTIFIER_DIGEST_INTERVAL", "0s")
                .env("VIGIL_NOTIFIER_CONCURRENCY", String.valueOf(concurrency))
                .env("VIGIL_NOTIFIER_PER_DESTINATION", String.valueOf(perDestination))
                .env("PORT", String.valueOf(port))
                .start()
                .awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"));
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      Serializer<EscalationEvent> values = stack.serde(Topics.ESCALATIONS).serializer();
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      System.out.printf(
          Locale.ROOT,
          "%nnotifier benchmark: %d users, %d destinations, concurrency %d (%d per destination),"
              + " %d cores, load average before: %s%n",
          users,
          destinations,
          concurrency,
          perDestination,
          Runtime.getRuntime().availableProcessors(),
          load);

      openLoop(producer, values, run + "-warmup", rate, warmup);
      long[] latency = openLoop(producer, values, run + "-latency", rate, seconds);
      report("latency: " + rate + " pages/s for " + seconds + " s, escalation → webhook", latency);

      long[] sent = new long[burst];
      long start = System.nanoTime();
      for (int i = 0; i < burst; i++) {
        sent[i] = System.nanoTime();
        send(producer, values, run + "-burst-" + i, i);
      }
      producer.flush();
      long[] burstLatency = awaitArrivals(run + "-burst-", sent, Duration.ofMinutes(10));
      long last =
          arrivals.entrySet().stream()
              .filter(e -> e.getKey().startsWith(run + "-burst-"))
              .mapToLong(Map.Entry::getValue)
              .max()
              .orElse(start);
      double took = (last - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "throughput: %d pages sent at once, all delivered in %.1f s: %.0f pages/s%n",
          burst,
          took,
          burst / took);
      report("burst, escalation → webhook (queueing included)", burstLatency);
      System.out.printf(
          Locale.ROOT, "duplicates: %d; load average after: %s%n", duplicates.get(), loadAverage());
      if (duplicates.get() > 0) {
        throw new AssertionError(duplicates.get() + " pages arrived twice");
      }
    }
  }

  /** Sends {@code perSecond} pages a second for {@code secs}; latency from each intended time. */
  private long[] openLoop(
      KafkaProducer<String, byte[]> producer,
      Serializer<EscalationEvent> values,
      String prefix,
      int perSecond,
      int secs)
      throws InterruptedException {
    int n = perSecond * secs;
    long[] intended = new long[n];
    long start = System.nanoTime() + 100_000_000L;
    for (int i = 0; i < n; i++) {
      intended[i] = start + i * 1_000_000_000L / perSecond;
      long wait = intended[i] - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      send(producer, values, prefix + "-" + i, i);
    }
    producer.flush();
    return awaitArrivals(prefix + "-", intended, Duration.ofMinutes(5));
  }

  /** Waits until page {@code prefix + i} arrived for every i; latencies in microseconds. */
  private long[] awaitArrivals(String prefix, long[] sent, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long[] micros = new long[sent.length];
    int missing = sent.length;
    while (missing > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200); // a load generator polling its own counters, not a test's wait
      missing = 0;
      for (int i = 0; i < sent.length; i++) {
        if (!arrivals.containsKey(deliveryId(prefix + i, i))) {
          missing++;
        }
      }
    }
    if (missing > 0) {
      throw new AssertionError(missing + " of " + sent.length + " pages never arrived");
    }
    for (int i = 0; i < sent.length; i++) {
      micros[i] = (arrivals.get(deliveryId(prefix + i, i)) - sent[i]) / 1_000;
    }
    return micros;
  }

  private String deliveryId(String eventId, int i) {
    String user = "u" + (i % users);
    return eventId + "/" + user + "/" + user + "-hook/0";
  }

  private void send(
      KafkaProducer<String, byte[]> producer,
      Serializer<EscalationEvent> values,
      String eventId,
      int i) {
    String incident = "inc-" + eventId;
    producer.send(
        new ProducerRecord<>(
            Topics.ESCALATIONS.name(),
            incident,
            values.serialize(
                Topics.ESCALATIONS.name(), fired(eventId, incident, "u" + (i % users)))));
  }

  private List<Integer> startReceivers() throws Exception {
    List<Integer> ports = new ArrayList<>();
    for (int d = 0; d < destinations; d++) {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.createContext(
          "/",
          exchange -> {
            long now = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id");
            if (id != null && arrivals.putIfAbsent(id, now) != null) {
              duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      receivers.add(server);
      ports.add(server.getAddress().getPort());
    }
    return ports;
  }

  private String config(List<Integer> ports) {
    StringBuilder yaml = new StringBuilder("apiVersion: vigil/v1\nusers:\n");
    for (int u = 0; u < users; u++) {
      yaml.append(
          """
            - id: u%1$d
              contactMethods:
                - { id: u%1$d-hook, type: webhook, url: "http://127.0.0.1:%2$d/u%1$d" }
              notificationRules:
                high: [ { contactMethod: u%1$d-hook, after: 0s } ]
          """
              .formatted(u, ports.get(u % ports.size())));
    }
    return yaml.toString();
  }

  private static KafkaProducer<String, byte[]> producer(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private static EscalationEvent fired(String eventId, String incidentId, String userId) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId("bench")
        .setOccurredAt(Instant.now())
        .setEvent(
            EscalationFired.newBuilder()
                .setPolicyId("bench")
                .setLevel(1)
                .setRound(1)
                .setReason(EscalationReason.INITIAL)
                .setTargets(List.of(PagedUser.newBuilder().setUserId(userId).setVia(null).build()))
                .setTitle("notifier benchmark")
                .setPriority(Priority.P1)
                .setUrgency(Urgency.HIGH)
                .build())
        .build();
  }

  private static void report(String what, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-60s n %d  min %.1f  p50 %.1f  p90 %.1f  p99 %.1f  max %.1f ms%n",
        what,
        sorted.length,
        sorted[0] / 1e3,
        at(sorted, 0.50) / 1e3,
        at(sorted, 0.90) / 1e3,
        at(sorted, 0.99) / 1e3,
        sorted[sorted.length - 1] / 1e3);
  }

  private static long at(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
