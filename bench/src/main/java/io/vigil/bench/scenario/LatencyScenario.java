package io.vigil.bench.scenario;

import io.vigil.bench.load.Alert;
import io.vigil.bench.load.Endpoint;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.load.OpenLoop;
import io.vigil.bench.stats.Samples;
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

  /** The outcome; {@code fromAccepted} and {@code fromSent} hold one sample per paged probe. */
  public record Result(
      LoadResult load,
      Samples fromAccepted,
      Samples fromSent,
      int probes,
      int missing,
      int duplicates) {}

  private final BenchContext ctx;

  public LatencyScenario(BenchContext ctx) {
    this.ctx = ctx;
  }

  public Result run(Endpoint endpoint) throws InterruptedException {
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
    return new Result(result, fromAccepted, fromSent, accepted.size(), missing, duplicates);
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
