package io.vigil.bench.scenario;

import io.vigil.bench.load.Alert;
import io.vigil.bench.load.Endpoint;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.load.OpenLoop;
import io.vigil.bench.stack.HopTimes;
import io.vigil.bench.stack.HopWatch;
import io.vigil.bench.stats.Samples;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenario 3, alert accepted → page received: open-loop load at a fixed rate over the fingerprint
 * pool (repeats, which page nobody) with every {@code probe-every}-th alert a fresh one that opens
 * an incident and pages; for each probe, the time from its 2xx reaching the load generator to its
 * page reaching the page clock — one clock, one process. Probes never paged are counted as missing,
 * probes paged twice as duplicates.
 */
public final class LatencyScenario {

  /**
   * The outcome; {@code fromAccepted} and {@code fromSent} hold one sample per paged probe, {@code
   * hops} (Vigil only, else empty) the time from each probe's send to its records becoming visible
   * on each topic of its path.
   */
  public record Result(
      LoadResult load,
      Samples fromAccepted,
      Samples fromSent,
      int probes,
      int missing,
      int duplicates,
      Map<HopTimes.Hop, Samples> hops) {

    public Result(
        LoadResult load,
        Samples fromAccepted,
        Samples fromSent,
        int probes,
        int missing,
        int duplicates) {
      this(load, fromAccepted, fromSent, probes, missing, duplicates, Map.of());
    }
  }

  private final BenchContext ctx;

  public LatencyScenario(BenchContext ctx) {
    this.ctx = ctx;
  }

  /** Runs against Alertmanager, or another target whose topics are not watched. */
  public Result run(Endpoint endpoint) throws InterruptedException {
    return run(endpoint, null);
  }

  /** Runs against Vigil, watching the probes' records on each topic of their path. */
  public Result runWatchingHops(Endpoint endpoint) throws InterruptedException {
    try (HopWatch watch =
        new HopWatch(ctx.options().text("bootstrap"), ctx.options().text("registry-url"))) {
      return run(endpoint, watch);
    }
  }

  private Result run(Endpoint endpoint, HopWatch watch) throws InterruptedException {
    Map<Long, long[]> accepted = new ConcurrentHashMap<>();
    OpenLoop load = new OpenLoop(ctx.http(), 512);
    LoadResult result =
        load.run(
            endpoint,
            ctx.loadShape(ctx.options().integer("batch"), ctx.options().integer("probe-every")),
            ctx.options().integer("latency-rate"),
            ctx.options().seconds("latency-seconds"),
            (batch, sent, at) -> {
              for (Alert a : batch) {
                if (a.isProbe()) {
                  accepted.put(a.probe(), new long[] {sent, at});
                }
              }
            });
    awaitPages(accepted, 120);
    Samples fromAccepted = new Samples();
    Samples fromSent = new Samples();
    int missing = 0;
    int duplicates = 0;
    for (Map.Entry<Long, long[]> probe : accepted.entrySet()) {
      Long paged = ctx.pages().firstPaged(probe.getKey());
      if (paged == null) {
        missing++;
        continue;
      }
      fromSent.add(paged - probe.getValue()[0]);
      fromAccepted.add(paged - probe.getValue()[1]);
      if (ctx.pages().timesPaged(probe.getKey()) > 1) {
        duplicates++;
      }
    }
    Map<HopTimes.Hop, Samples> hops = Map.of();
    if (watch != null) {
      Map<Long, Long> sent = new HashMap<>();
      accepted.forEach((probe, times) -> sent.put(probe, times[0]));
      hops = watch.times().since(sent);
    }
    return new Result(result, fromAccepted, fromSent, accepted.size(), missing, duplicates, hops);
  }

  /** Waits until every accepted probe was paged, or {@code limitSeconds} passed. */
  private void awaitPages(Map<Long, long[]> accepted, int limitSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (accepted.keySet().stream().allMatch(id -> ctx.pages().firstPaged(id) != null)) {
        return;
      }
      Thread.sleep(100);
    }
  }
}
