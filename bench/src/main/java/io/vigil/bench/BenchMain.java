package io.vigil.bench;

import io.vigil.bench.page.PageClock;
import io.vigil.bench.report.LatencyChart;
import io.vigil.bench.report.Report;
import io.vigil.bench.scenario.BenchContext;
import io.vigil.bench.stack.AlertmanagerPeer;
import io.vigil.bench.stack.BenchConfig;
import io.vigil.bench.stack.ConsumerLag;
import io.vigil.bench.stack.ResourceWatch;
import io.vigil.bench.stack.StackProcesses;
import io.vigil.bench.stack.StateBytes;
import io.vigil.bench.stats.Samples;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the whole-stack benchmark against a local stack that is already up (bench/run brings it up
 * with {@code --write-config}'s document) and an Alertmanager it starts itself ({@link BenchRun}
 * says in which order), then prints the median table and writes it, the chart and the raw latencies
 * under {@code --out}.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions o;
    try {
      o = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    BenchConfig config =
        new BenchConfig(
            o.integer("page-port"),
            o.integer("load-services"),
            o.integer("runs"),
            o.integer("storm-services"),
            o.integer("storm-limit"));
    if (!o.text("write-config").isEmpty()) {
      Path file = o.path("write-config");
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, config.yaml());
      System.out.println("bench: wrote the stack's configuration to " + file);
      return;
    }
    run(o, config);
    System.exit(0);
  }

  private static void run(BenchOptions o, BenchConfig config) throws Exception {
    Path out =
        o.path("out")
            .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(out);
    boolean vigil = o.has("targets", "vigil");
    boolean peer = o.has("targets", "alertmanager");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(
                Executors.newFixedThreadPool(
                    4,
                    r -> {
                      Thread t = new Thread(r, "bench-http");
                      t.setDaemon(true);
                      return t;
                    }))
            .build();
    StackProcesses stack = new StackProcesses(o.path("state-dir").resolve("run"));
    String machine = Machine.describe();
    System.out.println(machine);
    BenchRun.Outcome outcome;
    try (PageClock pages = PageClock.start(o.integer("page-port"));
        ConsumerLag lag = vigil ? new ConsumerLag(o.text("bootstrap")) : null;
        ResourceWatch memory = new ResourceWatch(stack);
        AlertmanagerPeer am =
            peer
                ? AlertmanagerPeer.start(
                    o.text("alertmanager-binary"),
                    o.integer("alertmanager-port"),
                    o.integer("page-port"),
                    out.resolve("alertmanager"))
                : null) {
      BenchContext ctx = new BenchContext(o, config, http, pages, new AtomicLong(), lag);
      if (am != null) {
        memory.watchPeer(am.pid());
      }
      outcome = new BenchRun(ctx, stack, memory, am).run();
    }
    String table =
        new Report(outcome.runs(), outcome.recovery())
            .markdown(outcome.idleRss(), outcome.idleCpu());
    if (o.has("scenarios", "memory") && o.has("targets", "vigil")) {
      List<StateBytes.Store> state = StateBytes.of(o.text("bootstrap"), "vigil-classifier");
      state.forEach(
          st ->
              System.out.printf(
                  "  classifier state: %s %,d keys, %,d bytes%n",
                  st.changelog(), st.keys(), st.bytes()));
      table += Report.stateRows(state);
    }
    String header =
        machine
            + "; load average at the end "
            + Machine.loadAverage()
            + "\n\nCommand: bench/run "
            + o.commandLine()
            + "\n\n";
    Files.writeString(out.resolve("results.md"), header + table);
    writeLatencies(out, outcome.runs(), o.integer("latency-rate"));
    System.out.println();
    System.out.println(table);
    System.out.println("bench: results, chart and raw latencies in " + out);
  }

  private static void writeLatencies(Path out, List<RunResult> results, int latencyRate)
      throws IOException {
    Samples vigil = new Samples();
    Samples peer = new Samples();
    for (RunResult r : results) {
      if (r.vigilLatency() != null) {
        for (long v : r.vigilLatency().fromSent().sorted()) {
          vigil.add(v);
        }
      }
      if (r.peerLatency() != null) {
        for (long v : r.peerLatency().fromSent().sorted()) {
          peer.add(v);
        }
      }
    }
    LatencyChart chart =
        new LatencyChart(
            String.format(
                "Alert sent → page received at %,d alerts/s, all runs pooled", latencyRate));
    if (vigil.count() > 0) {
      chart.add("Vigil", vigil.sorted());
      writeMillis(out.resolve("latency-vigil.txt"), vigil.sorted());
    }
    if (peer.count() > 0) {
      chart.add("Alertmanager", peer.sorted());
      writeMillis(out.resolve("latency-alertmanager.txt"), peer.sorted());
    }
    chart.write(out.resolve("latency.png"));
  }

  private static void writeMillis(Path file, long[] nanos) throws IOException {
    StringBuilder b = new StringBuilder();
    for (long n : nanos) {
      b.append(String.format(java.util.Locale.ROOT, "%.3f%n", n / 1e6));
    }
    Files.writeString(file, b);
  }
}
