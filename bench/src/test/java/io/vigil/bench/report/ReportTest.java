package io.vigil.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.bench.RunResult;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.scenario.LatencyScenario;
import io.vigil.bench.scenario.RecoveryScenario;
import io.vigil.bench.scenario.ThroughputScenario;
import io.vigil.bench.stack.HopTimes;
import io.vigil.bench.stats.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static LoadResult load(String name, long alerts, double seconds) {
    return new LoadResult(
        name, alerts, alerts / 10, Map.of(), 0, null, seconds, new Samples.Summary(1, 1, 2, 3), 0);
  }

  private static Samples millis(long... ms) {
    Samples s = new Samples();
    for (long m : ms) {
      s.add(m * 1_000_000);
    }
    return s;
  }

  private static RunResult run(int n, long vigilAlerts, long peerAlerts, long vigilLatencyMs) {
    return new RunResult(
        n,
        new ThroughputScenario.Result(load("vigil", vigilAlerts, 10), 900, 12, 40, 1.5),
        new ThroughputScenario.Result(load("am", peerAlerts, 10), -1, -1, -1, -1),
        new LatencyScenario.Result(
            load("vigil", 10_000, 10),
            millis(vigilLatencyMs),
            millis(vigilLatencyMs + 1),
            1,
            0,
            0,
            Map.of(HopTimes.Hop.INCIDENT, millis(vigilLatencyMs / 2, vigilLatencyMs))),
        new LatencyScenario.Result(load("am", 10_000, 10), millis(-1), millis(2), 1, 0, 0),
        null,
        Map.of("classifier", 300L * 1024 * 1024),
        Map.of("classifier", 0.5));
  }

  @Test
  void eachFigureIsTheMedianOverRunsWithTheRatioAndEveryRunsValue() {
    String md =
        new Report(
                List.of(
                    run(1, 10_000, 500_000, 40),
                    run(2, 30_000, 600_000, 60),
                    run(3, 20_000, 400_000, 50)),
                List.of())
            .markdown(Map.of("classifier", 200L * 1024 * 1024), Map.of("classifier", 0.1));

    assertThat(md)
        .contains(
            "| (1) ingest → incident | accepted alerts/s (closed loop) | 2,000 | 50,000 | 0.04 | ≥ 10,000 | 1,000 · 3,000 · 2,000 |")
        .contains(
            "| (3) alert → page | sent → page p50 ms | 51.0 | 2.0 | 25.50 | ≤ 30 | 41.0 · 61.0 · 51.0 |")
        .contains("| (3) alert → page | accepted (2xx read) → page p50 ms | +50.0 | -1.0 | – |")
        .contains(
            "| (3) alert → page | sent → IncidentOpened on vigil.incidents.v1, p50 / p99 ms |"
                + " 25.0 / 50.0 | – | – |  | 20.0 / 40.0 · 30.0 / 60.0 · 25.0 / 50.0 |")
        .doesNotContain("first page on vigil.escalations.v1") // not watched: no row
        .contains(
            "| (5) resources | classifier: RSS MiB idle / peak; CPU cores idle / over a run | 200 / 300; 0.10 / 0.50 | – |");
  }

  @Test
  void eachKilledServiceHasARecoveryRow() {
    RecoveryScenario.Result killed =
        new RecoveryScenario.Result("notifier", load("vigil", 1200, 60), 14.2, 21.5, 1200, 0, 1);

    String md = new Report(List.of(), List.of(killed)).markdown(Map.of(), Map.of());

    assertThat(md)
        .contains(
            "| (6) recovery | kill -9 notifier: healthy again / longest silence between pages |"
                + " 14.2 s / 21.5 s; 1,200 accepted, 0 lost, 1 paged twice |");
  }

  @Test
  void scenariosThatDidNotRunHaveNoRowsAndMissingFiguresReadADash() {
    String md =
        new Report(List.of(run(1, 10_000, 500_000, 40)), List.of()).markdown(Map.of(), Map.of());

    assertThat(md).doesNotContain("(2) storm");
    assertThat(md)
        .contains("| (1) ingest → incident | classifier drained, s after load | 1.5 | – |");
  }
}
