package io.vigil.bench.scenario;

import io.vigil.bench.load.AlertShape;
import io.vigil.bench.load.Endpoint;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.load.OpenLoop;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Before the first run, sends every fingerprint of the load pool once to a target and waits until
 * each has paged, so the measured scenarios see the steady state (repeats joining open incidents /
 * active alerts) rather than the one-off cost of opening 2,000 incidents — and so the latency
 * probes do not queue behind those pages.
 */
public final class Prime {

  /** What priming took: the load and the seconds until the pool's pages stopped arriving. */
  public record Result(LoadResult load, long pages, double pagedSeconds) {}

  private final BenchContext ctx;

  public Prime(BenchContext ctx) {
    this.ctx = ctx;
  }

  public Result run(Endpoint endpoint) throws InterruptedException {
    AlertShape shape = ctx.loadShape(ctx.options().integer("batch"), 0);
    Set<String> services = new HashSet<>(shape.services());
    long before = ctx.pages().pagesOf(services);
    double rate = ctx.options().integer("prime-rate");
    long seconds = Math.max(1, Math.round(shape.fingerprints() / rate));
    long start = System.nanoTime();
    LoadResult load =
        new OpenLoop(ctx.http(), 256)
            .run(
                endpoint,
                shape,
                shape.fingerprints() / (double) seconds,
                Duration.ofSeconds(seconds),
                null);
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (ctx.pages().pagesOf(services) - before < load.alertsAccepted()
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Quiet.awaitQuietPages(ctx.pages(), services, 2);
    long pages = ctx.pages().pagesOf(services) - before;
    return new Result(load, pages, (ctx.pages().lastPageNanos() - start) / 1e9);
  }
}
