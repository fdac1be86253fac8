package io.vigil.bench.report;

import io.vigil.bench.RunResult;
import io.vigil.bench.scenario.LatencyScenario;
import io.vigil.bench.scenario.RecoveryScenario;
import io.vigil.bench.scenario.StormScenario;
import io.vigil.bench.scenario.ThroughputScenario;
import io.vigil.bench.stack.HopTimes;
import io.vigil.bench.stack.StateBytes;
import io.vigil.bench.stats.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's table in Markdown: per scenario and figure, the median over runs for Vigil and
 * for Alertmanager, their ratio where both exist, the target, and each run's value, so a
 * reader sees the spread behind every median. A figure nobody measured reads "–".
 */
public final class Report {

  private final List<RunResult> runs;
  private final List<RecoveryScenario.Result> recovery;
  private final StringBuilder md = new StringBuilder();

  public Report(List<RunResult> runs, List<RecoveryScenario.Result> recovery) {
    this.runs = List.copyOf(runs);
    this.recovery = List.copyOf(recovery);
  }

  /**
   * The table, with {@code idleMemory} (RSS in bytes) and {@code idleCpu} (cores) measured before
   * any load in the resource rows.
   */
  public String markdown(Map<String, Long> idleMemory, Map<String, Double> idleCpu) {
    md.append(
        "| scenario | figure | Vigil | Alertmanager | Vigil / AM | target | Vigil per run |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    throughput();
    latency();
    storm();
    memory(idleMemory, idleCpu);
    recovery();
    return md.toString();
  }

  private void throughput() {
    List<ThroughputScenario.Result> v = pick(r -> r.vigilThroughput());
    List<ThroughputScenario.Result> p = pick(r -> r.peerThroughput());
    String s = "(1) ingest → incident";
    ratioRow(
        s,
        "accepted alerts/s (closed loop)",
        v,
        p,
        t -> t.load().alertsPerSecond(),
        "≥ 10,000",
        "%,.0f");
    row(s, "classifier kept up with, alerts/s", v, t -> t.classifiedPerSecond(), "%,.0f", "");
    row(s, "classifier lag at end of load", v, t -> t.lagAtEnd(), "%,.0f", "flat");
    row(s, "classifier lag, highest", v, t -> t.maxLag(), "%,.0f", "");
    row(s, "classifier drained, s after load", v, t -> t.drainSeconds(), "%.1f", "");
    ratioRow(s, "not accepted (non-2xx, errors)", v, p, t -> t.load().notAccepted(), "0", "%,.0f");
  }

  private void latency() {
    List<LatencyScenario.Result> v = pick(r -> r.vigilLatency());
    List<LatencyScenario.Result> p = pick(r -> r.peerLatency());
    String s = "(3) alert → page";
    ratioRow(s, "sent → page p50 ms", v, p, l -> l.fromSent().summary().p50Ms(), "≤ 30", "%.1f");
    ratioRow(s, "sent → page p99 ms", v, p, l -> l.fromSent().summary().p99Ms(), "≤ 100", "%.1f");
    ratioRow(s, "sent → page max ms", v, p, l -> l.fromSent().summary().maxMs(), "", "%.1f");
    for (HopTimes.Hop hop : HopTimes.Hop.values()) {
      row(
          s,
          "sent → " + hop.label + ", p50 / p99 ms",
          v,
          l -> hopMs(l, hop, 50),
          "%.1f",
          "",
          l -> hopMs(l, hop, 99));
    }
    ratioRow(
        s,
        "accepted (2xx read) → page p50 ms",
        v,
        p,
        l -> l.fromAccepted().summary().p50Ms(),
        "",
        SIGNED);
    ratioRow(
        s,
        "accepted (2xx read) → page p99 ms",
        v,
        p,
        l -> l.fromAccepted().summary().p99Ms(),
        "",
        SIGNED);
    ratioRow(s, "probes timed", v, p, l -> l.probes(), "", "%,.0f");
    ratioRow(
        s,
        "probes never paged + paged twice",
        v,
        p,
        l -> l.missing() + l.duplicates(),
        "0",
        "%,.0f");
    ratioRow(s, "load accepted, alerts/s", v, p, l -> l.load().alertsPerSecond(), "1,000", "%,.0f");
  }

  private void storm() {
    List<StormScenario.Result> v = pick(r -> r.storm());
    String s = "(2) storm";
    row(s, "incidents opened", v, t -> t.incidentsOpened(), "%,.0f", "= prediction");
    row(s, "prediction", v, t -> t.predictedIncidents(), "%,.0f", "");
    row(s, "alerts accepted", v, t -> t.load().alertsAccepted(), "%,.0f", "");
    row(s, "alerts counted into incidents", v, t -> t.alertsCounted(), "%,.0f", "= accepted");
    row(s, "pages", v, t -> t.pages(), "%,.0f", "= incidents");
    row(s, "all sent after, s", v, t -> t.sendSeconds(), "%.1f", "10");
    row(s, "every alert counted after, s", v, t -> t.countedSeconds(), "%.1f", "");
    row(s, "classifier lag 0 after, s", v, t -> t.lagZeroSeconds(), "%.1f", "≤ 30");
    row(s, "last page after, s", v, t -> t.lastPageSeconds(), "%.1f", "");
  }

  private void memory(Map<String, Long> idle, Map<String, Double> idleCpu) {
    TreeSet<String> names = new TreeSet<>(idle.keySet());
    runs.forEach(r -> names.addAll(r.memoryPeak().keySet()));
    for (String name : names) {
      String rss =
          (idle.containsKey(name) ? fmt("%,.0f", mib(idle.get(name))) : "–")
              + " / "
              + fmt("%,.0f", Median.over(runs, r -> mib(r.memoryPeak().get(name))));
      String cpu =
          fmt("%.2f", idleCpu.getOrDefault(name, Double.NaN))
              + " / "
              + fmt("%.2f", Median.over(runs, r -> r.cpuCores().getOrDefault(name, Double.NaN)));
      boolean peer = name.equals("alertmanager");
      String figure = name + ": RSS MiB idle / peak; CPU cores idle / over a run";
      String value = rss + "; " + cpu;
      md.append(cells("(5) resources", figure, peer ? "–" : value, peer ? value : "–", "", "", ""));
    }
  }

  /**
   * Rows for the classifier's state: bytes per incident over all its changelogs and in the
   * incidents store alone, at the number of incidents the incidents store holds.
   */
  public static String stateRows(List<StateBytes.Store> stores) {
    long incidents =
        stores.stream()
            .filter(st -> st.changelog().endsWith("-incidents-changelog"))
            .mapToLong(StateBytes.Store::keys)
            .sum();
    if (incidents == 0) {
      return "";
    }
    long all = stores.stream().mapToLong(StateBytes.Store::bytes).sum();
    long own =
        stores.stream()
            .filter(st -> st.changelog().endsWith("-incidents-changelog"))
            .mapToLong(StateBytes.Store::bytes)
            .sum();
    String figure =
        String.format(
            Locale.ROOT,
            "classifier state per incident at %,d incidents: all stores / incidents store, bytes",
            incidents);
    return cells(
        "(5) resources",
        figure,
        fmt("%,.0f", all / (double) incidents) + " / " + fmt("%,.0f", own / (double) incidents),
        "–",
        "",
        "≤ 2 KB",
        "");
  }

  private void recovery() {
    for (RecoveryScenario.Result r : recovery) {
      String value =
          String.format(
              Locale.ROOT,
              "%s s / %s s; %,d accepted, %d lost, %d paged twice",
              fmt("%.1f", r.restartSeconds()),
              fmt("%.1f", r.longestSilenceSeconds()),
              r.accepted(),
              r.lost(),
              r.duplicates());
      String figure = "kill -9 " + r.service() + ": healthy again / longest silence between pages";
      md.append(cells("(6) recovery", figure, value, "–", "", "≤ 10 s, 0 lost, 0 twice", ""));
    }
  }

  private <T> List<T> pick(java.util.function.Function<RunResult, T> part) {
    List<T> out = new ArrayList<>();
    runs.forEach(r -> out.add(part.apply(r)));
    return out;
  }

  private <T> void row(
      String scenario,
      String figure,
      List<T> v,
      ToDoubleFunction<T> f,
      String format,
      String target) {
    if (v.stream().allMatch(x -> x == null)) {
      return;
    }
    md.append(
        cells(
            scenario,
            figure,
            fmt(format, Median.over(v, f)),
            "–",
            "–",
            target,
            perRun(v, f, format)));
  }

  /** A Vigil-only row of two figures, "f / g", medians and per run. */
  private <T> void row(
      String scenario,
      String figure,
      List<T> v,
      ToDoubleFunction<T> f,
      String format,
      String target,
      ToDoubleFunction<T> g) {
    if (v.stream().allMatch(x -> x == null || Double.isNaN(f.applyAsDouble(x)))) {
      return;
    }
    List<String> values = new ArrayList<>();
    for (T x : v) {
      values.add(
          x == null
              ? "–"
              : fmt(format, f.applyAsDouble(x)) + " / " + fmt(format, g.applyAsDouble(x)));
    }
    md.append(
        cells(
            scenario,
            figure,
            fmt(format, Median.over(v, f)) + " / " + fmt(format, Median.over(v, g)),
            "–",
            "–",
            target,
            String.join(" · ", values)));
  }

  /** The hop's percentile {@code p} in ms, NaN when not watched. */
  private static double hopMs(LatencyScenario.Result r, HopTimes.Hop hop, double p) {
    Samples samples = r.hops().get(hop);
    if (samples == null || samples.count() == 0) {
      return Double.NaN;
    }
    return Samples.percentile(samples.sorted(), p) / 1e6;
  }

  private <T> void ratioRow(
      String scenario,
      String figure,
      List<T> v,
      List<T> p,
      ToDoubleFunction<T> f,
      String target,
      String format) {
    if (v.stream().allMatch(x -> x == null) && p.stream().allMatch(x -> x == null)) {
      return;
    }
    double vm = Median.over(v, f);
    double pm = Median.over(p, f);
    String ratio =
        Double.isNaN(vm) || Double.isNaN(pm) || pm <= 0 || vm < 0 ? "–" : fmt("%.2f", vm / pm);
    md.append(
        cells(
            scenario,
            figure,
            fmt(format, vm),
            fmt(format, pm),
            ratio,
            target,
            perRun(v, f, format)));
  }

  private static <T> String perRun(List<T> v, ToDoubleFunction<T> f, String format) {
    List<String> values = new ArrayList<>();
    for (T x : v) {
      values.add(x == null ? "–" : fmt(format, f.applyAsDouble(x)));
    }
    return String.join(" · ", values);
  }

  private static String cells(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /** A format whose negative values are figures, not "not measured" (-1). */
  private static final String SIGNED = "%+.1f";

  static String fmt(String format, double value) {
    boolean missing = Double.isNaN(value) || (value < 0 && !format.equals(SIGNED));
    return missing ? "–" : String.format(Locale.ROOT, format, value);
  }

  private static double mib(Long bytes) {
    return bytes == null ? Double.NaN : bytes / (1024.0 * 1024.0);
  }
}
