package io.vigil.ingest.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A load generator, not a test: accepted alerts per second and request latency of alert-ingest on
 * this machine, for Alertmanager batches of 10 alerts and for single Events API v2 events, over
 * keep-alive HTTP/1.1 connections, with every 202 meaning the alerts are on the real broker.
 *
 * <p>Its name matches neither surefire's nor failsafe's patterns, so {@code verify} never runs it.
 * Run it with the command in docs/benchmarks.md; {@code -Dbench.seconds} (20) and {@code
 * -Dbench.clients} (16) change the run.
 */
@WithKafkaStack
class IngestBenchmark {

  private static final String AM_KEY = "22222222222222222222222222222222";
  private static final String EVENTS_KEY = "11111111111111111111111111111111";
  private static final int FINGERPRINTS = 2000;

  private final int seconds = Integer.getInteger("bench.seconds", 20);
  private final int clients = Integer.getInteger("bench.clients", 16);

  @Test
  void run(KafkaStack stack) throws Exception {
    EmbeddedServer server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port", Ports.free(),
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "vigil.schema-registry-url", stack.schemaRegistryUrl(),
                "vigil.config-file", testConfig().toString(),
                // The benchmark measures throughput, not the limiter: lift the default bucket.
                "vigil.ingest.rate-limit.per-second", 10_000_000,
                "vigil.ingest.rate-limit.burst", 10_000_000));
    try (ApplicationContext ctx = server.getApplicationContext()) {
      URI base = server.getURI();
      System.out.printf(
          Locale.ROOT,
          "%nalert-ingest benchmark: %d clients, %d s per scenario (after 5 s warm-up), %d cores%n",
          clients,
          seconds,
          Runtime.getRuntime().availableProcessors());
      scenario(
          "Alertmanager, 10 alerts/request",
          base.resolve("/integrations/alertmanager"),
          AM_KEY,
          10,
          IngestBenchmark::alertmanagerBatch);
      scenario(
          "Events API v2, 1 event/request",
          base.resolve("/v2/enqueue"),
          null,
          1,
          IngestBenchmark::pagerDutyEvent);
    }
  }

  private void scenario(
      String name, URI url, String bearer, int alertsPerRequest, IntFunction<String> bodies)
      throws Exception {
    run(url, bearer, bodies, Duration.ofSeconds(5), new AtomicLong(), new long[0][]);
    AtomicLong failures = new AtomicLong();
    long[][] latencies = new long[clients][];
    long requests = run(url, bearer, bodies, Duration.ofSeconds(seconds), failures, latencies);
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%-34s %8.0f alerts/s  %7.0f req/s  p50 %5.1f ms  p99 %5.1f ms  non-202: %d%n",
        name,
        requests * alertsPerRequest / (double) seconds,
        requests / (double) seconds,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        failures.get());
  }

  /** Sends for {@code duration} from {@link #clients} threads; returns the 202s. */
  private long run(
      URI url,
      String bearer,
      IntFunction<String> bodies,
      Duration duration,
      AtomicLong failures,
      long[][] latencies)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong counter = new AtomicLong();
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                long[] own = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                  HttpRequest.Builder b =
                      HttpRequest.newBuilder(url)
                          .header("Content-Type", "application/json")
                          .POST(
                              HttpRequest.BodyPublishers.ofString(
                                  bodies.apply((int) counter.getAndIncrement())));
                  if (bearer != null) {
                    b.header("Authorization", "Bearer " + bearer);
                  }
                  long start = System.nanoTime();
                  HttpResponse<Void> r =
                      http.send(b.build(), HttpResponse.BodyHandlers.discarding());
                  long took = System.nanoTime() - start;
                  if (r.statusCode() != 202) {
                    failures.incrementAndGet();
                    continue;
                  }
                  if (n == own.length) {
                    own = Arrays.copyOf(own, n * 2);
                  }
                  own[n++] = took;
                }
                return Arrays.copyOf(own, n);
              }));
    }
    long accepted = 0;
    for (int c = 0; c < clients; c++) {
      long[] own = results.get(c).get();
      accepted += own.length;
      if (latencies.length > 0) {
        latencies[c] = own;
      }
    }
    pool.shutdown();
    return accepted;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  static String alertmanagerBatch(int i) {
    StringBuilder alerts = new StringBuilder();
    for (int a = 0; a < 10; a++) {
      int fp = (i * 10 + a) % FINGERPRINTS;
      if (a > 0) {
        alerts.append(',');
      }
      alerts.append(
          """
          {"status":"firing","labels":{"alertname":"HighLatency","instance":"web-%d:9100",\
          "job":"node","severity":"critical"},"annotations":{"summary":"p99 latency over 1 s on\
           web-%d"},"startsAt":"2026-02-06T13:08:45.828Z","endsAt":"0001-01-01T00:00:00Z",\
          "generatorURL":"http://prometheus:9090/graph?g0.expr=latency","fingerprint":"fp%05d"}"""
              .formatted(fp, fp, fp));
    }
    return """
        {"receiver":"vigil","status":"firing","alerts":[%s],"groupLabels":{"alertname":\
        "HighLatency"},"commonLabels":{"alertname":"HighLatency","job":"node"},\
        "commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4",\
        "groupKey":"{}:{alertname=\\"HighLatency\\"}","truncatedAlerts":0}"""
        .formatted(alerts);
  }

  static String pagerDutyEvent(int i) {
    return """
        {"routing_key":"%s","event_action":"trigger","dedup_key":"disk-%d",\
        "payload":{"summary":"Disk 95%% full on db-%d","source":"db-%d","severity":"critical"}}"""
        .formatted(EVENTS_KEY, i % FINGERPRINTS, i % FINGERPRINTS, i % FINGERPRINTS);
  }

  private static Path testConfig() {
    try {
      return Path.of(IngestBenchmark.class.getResource("/vigil-test.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
