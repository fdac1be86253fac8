package io.vigil.bench;

import io.vigil.bench.load.Endpoint;
import io.vigil.bench.scenario.BenchContext;
import io.vigil.bench.scenario.Drain;
import io.vigil.bench.scenario.LatencyScenario;
import io.vigil.bench.scenario.Prime;
import io.vigil.bench.scenario.Quiet;
import io.vigil.bench.scenario.RecoveryScenario;
import io.vigil.bench.scenario.StormScenario;
import io.vigil.bench.scenario.StreamsGroup;
import io.vigil.bench.scenario.ThroughputScenario;
import io.vigil.bench.stack.AlertmanagerPeer;
import io.vigil.bench.stack.ResourceWatch;
import io.vigil.bench.stack.StackProcesses;
import io.vigil.bench.stats.Samples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of one benchmark: resources idle, the load pool primed on each target, then per run
 * throughput (Vigil, then Alertmanager), latency (Vigil, then Alertmanager) and the storm (Vigil),
 * letting Vigil's pipeline drain and its pages stop before each Vigil scenario, so no scenario pays
 * for the previous one; then, once, recovery.
 */
final class BenchRun {

  /** What a benchmark measured. */
  record Outcome(
      List<RunResult> runs,
      List<RecoveryScenario.Result> recovery,
      Map<String, Long> idleRss,
      Map<String, Double> idleCpu) {}

  private final BenchContext ctx;
  private final StackProcesses stack;
  private final ResourceWatch memory;
  private final AlertmanagerPeer am;

  BenchRun(BenchContext ctx, StackProcesses stack, ResourceWatch memory, AlertmanagerPeer am) {
    this.ctx = ctx;
    this.stack = stack;
    this.memory = memory;
    this.am = am;
  }

  /** Idle readings, priming, the runs, then recovery; what was measured. */
  Outcome run() throws InterruptedException, java.io.IOException {
    BenchOptions o = ctx.options();
    List<RunResult> results = new ArrayList<>();
    List<RecoveryScenario.Result> recovery = new ArrayList<>();
    Map<String, Long> idle = new LinkedHashMap<>(memory.now());
    Map<String, Double> idleCpu = cpuCores(memory, () -> Thread.sleep(10_000));
    prime(ctx, am);
    for (int run = 1; run <= o.integer("runs"); run++) {
      System.out.println("— run " + run + " of " + o.integer("runs"));
      memory.resetPeaks();
      int r = run;
      RunResult[] result = new RunResult[1];
      Map<String, Double> cpu = cpuCores(memory, () -> result[0] = oneRun(ctx, r, am, memory));
      results.add(result[0].withCpu(cpu));
    }
    if (o.has("scenarios", "recovery") && o.has("targets", "vigil")) {
      RecoveryScenario recoveryScenario = new RecoveryScenario(ctx, stack, o.path("vigil-script"));
      for (String service : o.list("recovery-services")) {
        settle(ctx);
        RecoveryScenario.Result r = recoveryScenario.run(service, o.integer("recovery-rate"));
        System.out.printf(
            "  (6) kill -9 %s: back in %.1f s, longest silence between pages %.1f s;"
                + " %,d accepted, %d lost, %d paged twice; %s%n",
            service,
            r.restartSeconds(),
            r.longestSilenceSeconds(),
            r.accepted(),
            r.lost(),
            r.duplicates(),
            r.load().describe());
        recovery.add(r);
      }
    }
    return new Outcome(results, recovery, idle, idleCpu);
  }

  static RunResult oneRun(BenchContext ctx, int run, AlertmanagerPeer am, ResourceWatch memory)
      throws InterruptedException {
    BenchOptions o = ctx.options();
    boolean vigil = o.has("targets", "vigil");
    ThroughputScenario.Result vt = null;
    ThroughputScenario.Result pt = null;
    LatencyScenario.Result vl = null;
    LatencyScenario.Result pl = null;
    StormScenario.Result st = null;
    if (o.has("scenarios", "throughput")) {
      if (vigil) {
        settle(ctx);
        vt = new ThroughputScenario(ctx).run(ctx.vigilAlertmanager(), true);
        System.out.printf(
            "  (1) %s; classifier %,.0f alerts/s, lag at end %,d, drained %.1f s after%n",
            vt.load().describe(), vt.classifiedPerSecond(), vt.lagAtEnd(), vt.drainSeconds());
      }
      if (am != null) {
        pt = new ThroughputScenario(ctx).run(Endpoint.alertmanager(am.baseUri()), false);
        System.out.println("  (1) " + pt.load().describe());
      }
    }
    if (o.has("scenarios", "latency")) {
      if (vigil) {
        settle(ctx);
        vl =
            Boolean.parseBoolean(o.text("watch-hops"))
                ? new LatencyScenario(ctx).runWatchingHops(ctx.vigilAlertmanager())
                : new LatencyScenario(ctx).run(ctx.vigilAlertmanager());
        print(vl);
      }
      if (am != null) {
        pl = new LatencyScenario(ctx).run(Endpoint.alertmanager(am.baseUri()));
        print(pl);
      }
    }
    if (o.has("scenarios", "storm") && vigil) {
      settle(ctx);
      st = new StormScenario(ctx).run(run);
      System.out.printf(
          "  (2) storm: %s; incidents %,d (predicted %,d), alerts counted %,d, pages %,d;"
              + " counted after %.1f s, lag 0 after %.1f s, last page after %.1f s%n",
          st.load().describe(),
          st.incidentsOpened(),
          st.predictedIncidents(),
          st.alertsCounted(),
          st.pages(),
          st.countedSeconds(),
          st.lagZeroSeconds(),
          st.lastPageSeconds());
    }
    Map<String, Long> peaks = o.has("scenarios", "memory") ? memory.peaks() : Map.of();
    return new RunResult(run, vt, pt, vl, pl, st, peaks, Map.of());
  }

  static void print(LatencyScenario.Result r) {
    Samples.Summary s = r.fromSent().summary();
    Samples.Summary a = r.fromAccepted().summary();
    System.out.printf(
        "  (3) %s; sent → page p50 %.1f ms, p99 %.1f ms, max %.1f ms (accepted → page p50 %.1f,"
            + " p99 %.1f) over %,d probes, %d never paged, %d paged twice%n",
        r.load().describe(),
        s.p50Ms(),
        s.p99Ms(),
        s.maxMs(),
        a.p50Ms(),
        a.p99Ms(),
        r.probes(),
        r.missing(),
        r.duplicates());
    r.hops()
        .forEach(
            (hop, samples) -> {
              Samples.Summary h = samples.summary();
              System.out.printf(
                  "      sent → %s: p50 %.1f ms, p99 %.1f ms (%,d probes)%n",
                  hop.label, h.p50Ms(), h.p99Ms(), h.count());
            });
  }

  /** Something timed that may be interrupted. */
  private interface Span {
    void run() throws InterruptedException;
  }

  /** CPU each process used while {@code span} ran, in cores (CPU seconds / wall seconds). */
  static Map<String, Double> cpuCores(ResourceWatch watch, Span span) throws InterruptedException {
    Map<String, Double> before = watch.cpuSeconds();
    long start = System.nanoTime();
    span.run();
    double wall = (System.nanoTime() - start) / 1e9;
    Map<String, Double> cores = new LinkedHashMap<>();
    watch
        .cpuSeconds()
        .forEach(
            (name, after) -> {
              if (before.containsKey(name)) {
                cores.put(name, (after - before.get(name)) / wall);
              }
            });
    return cores;
  }

  /** Sends the load pool once to each target and waits for its pages (see {@link Prime}). */
  static void prime(BenchContext ctx, AlertmanagerPeer am) throws InterruptedException {
    if (!ctx.options().has("scenarios", "throughput")
        && !ctx.options().has("scenarios", "latency")) {
      return;
    }
    if (ctx.options().has("targets", "vigil")) {
      settle(ctx);
      Prime.Result r = new Prime(ctx).run(ctx.vigilAlertmanager());
      System.out.printf(
          "  primed Vigil: %s; %,d pages, the last %.1f s after the first alert%n",
          r.load().describe(), r.pages(), r.pagedSeconds());
    }
    if (am != null) {
      Prime.Result r = new Prime(ctx).run(Endpoint.alertmanager(am.baseUri()));
      System.out.printf(
          "  primed Alertmanager: %s; %,d pages, the last %.1f s after the first alert%n",
          r.load().describe(), r.pages(), r.pagedSeconds());
    }
  }

  /** Lets Vigil finish the previous scenario's work before the next one starts. */
  static void settle(BenchContext ctx) throws InterruptedException {
    for (StreamsGroup group : StreamsGroup.PIPELINE) {
      if (Drain.awaitZeroLag(ctx.lag(), group, System.nanoTime(), 300) < 0) {
        System.out.println("  (" + group.id() + " still lagging after 300 s; going on)");
      }
    }
    Quiet.awaitQuietPages(ctx.pages(), Set.copyOf(ctx.config().loadServiceIds()), 2);
  }
}
