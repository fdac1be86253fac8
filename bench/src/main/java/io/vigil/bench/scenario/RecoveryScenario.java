package io.vigil.bench.scenario;

import io.vigil.bench.load.Alert;
import io.vigil.bench.load.AlertShape;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.load.OpenLoop;
import io.vigil.bench.stack.StackProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 6, recovery: under a steady load of alerts that each page (every alert a probe), one
 * service is killed with {@code kill -9} and started again by {@code vigil up}; what a user sees is
 * the longest silence between pages from the kill on, and afterwards no accepted alert may be left
 * unpaged and none paged twice. Requests refused while alert-ingest is down are not "accepted", so
 * they are not counted as lost.
 */
public final class RecoveryScenario {

  /** The outcome for one killed service; seconds, -1 when it did not happen. */
  public record Result(
      String service,
      LoadResult load,
      double restartSeconds,
      double longestSilenceSeconds,
      int accepted,
      int lost,
      int duplicates) {}

  /** The services whose death a user would notice in the pages. */
  public static final List<String> SERVICES =
      List.of("alert-ingest", "classifier", "escalation", "notifier");

  private final BenchContext ctx;
  private final StackProcesses stack;
  private final Path vigilScript;

  public RecoveryScenario(BenchContext ctx, StackProcesses stack, Path vigilScript) {
    this.ctx = ctx;
    this.stack = stack;
    this.vigilScript = vigilScript;
  }

  /** Kills {@code service} 10 s into a load of {@code rate} paging alerts/s lasting 60 s. */
  public Result run(String service, int rate) throws InterruptedException, IOException {
    long pid =
        stack
            .pid(service)
            .orElseThrow(() -> new IllegalStateException(service + " is not running"));
    AlertShape shape = ctx.shape(ctx.config().loadServiceIds(), 1000, 1, 1, Instant::now);
    Map<Long, Long> accepted = new ConcurrentHashMap<>();
    CompletableFuture<LoadResult> load =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new OpenLoop(ctx.http(), 256)
                    .run(
                        ctx.vigilAlertmanager(),
                        shape,
                        rate,
                        Duration.ofSeconds(60),
                        (batch, sent, at) -> {
                          for (Alert a : batch) {
                            accepted.put(a.probe(), sent);
                          }
                        });
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(10_000);
    long killed = System.nanoTime();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    Process up =
        new ProcessBuilder(vigilScript.toString(), "up")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean healthy = up.waitFor(300, TimeUnit.SECONDS) && up.exitValue() == 0;
    double restart = healthy ? (System.nanoTime() - killed) / 1e9 : -1;
    LoadResult result = load.join();
    awaitPages(accepted, 180);
    int lost = 0;
    int duplicates = 0;
    long[] arrivals = new long[accepted.size()];
    int n = 0;
    for (Long probe : accepted.keySet()) {
      Long paged = ctx.pages().firstPaged(probe);
      if (paged == null) {
        lost++;
        continue;
      }
      arrivals[n++] = paged;
      if (ctx.pages().timesPaged(probe) > 1) {
        duplicates++;
      }
    }
    double silence = longestSilence(Arrays.copyOf(arrivals, n), killed) / 1e9;
    return new Result(service, result, restart, silence, accepted.size(), lost, duplicates);
  }

  /** The longest gap between consecutive arrivals at or after {@code from} (from included). */
  static long longestSilence(long[] arrivals, long from) {
    long[] sorted = arrivals.clone();
    Arrays.sort(sorted);
    long previous = from;
    long longest = 0;
    for (long t : sorted) {
      if (t < from) {
        continue;
      }
      longest = Math.max(longest, t - previous);
      previous = t;
    }
    return longest;
  }

  private void awaitPages(Map<Long, Long> accepted, int limitSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
    while (System.nanoTime() < deadline
        && !accepted.keySet().stream().allMatch(id -> ctx.pages().firstPaged(id) != null)) {
      Thread.sleep(200);
    }
  }
}
