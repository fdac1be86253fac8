package io.vigil.bench.scenario;

import io.vigil.bench.BenchOptions;
import io.vigil.bench.load.AlertShape;
import io.vigil.bench.load.Endpoint;
import io.vigil.bench.page.PageClock;
import io.vigil.bench.stack.BenchConfig;
import io.vigil.bench.stack.ConsumerLag;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every scenario shares in one benchmark run: the options, the configuration the stack runs
 * with, one keep-alive HTTP client, the page clock, where probe ids come from, and (when Vigil is a
 * target) the reader of consumer lag.
 */
public record BenchContext(
    BenchOptions options,
    BenchConfig config,
    HttpClient http,
    PageClock pages,
    AtomicLong probeIds,
    ConsumerLag lag) {

  /** Vigil's Alertmanager webhook endpoint, with each service's key. */
  public Endpoint vigilAlertmanager() {
    return Endpoint.vigilAlertmanager(
        URI.create(options.text("ingest-url")), BenchConfig::alertmanagerKey);
  }

  /** Vigil's Events API v2 endpoint, with each service's routing key. */
  public Endpoint vigilEventsV2() {
    return Endpoint.vigilEventsV2(URI.create(options.text("ingest-url")), BenchConfig::eventsKey);
  }

  /** The throughput and latency scenarios' shape: the load services' fingerprint pool. */
  public AlertShape loadShape(int batch, int probeEvery) {
    return shape(
        config.loadServiceIds(), options.integer("fingerprints"), batch, probeEvery, Instant::now);
  }

  /** A shape over {@code services}, probe ids from the shared counter. */
  public AlertShape shape(
      List<String> services, int fingerprints, int batch, int probeEvery, Supplier<Instant> clock) {
    return new AlertShape(services, fingerprints, batch, probeEvery, probeIds, clock);
  }
}
