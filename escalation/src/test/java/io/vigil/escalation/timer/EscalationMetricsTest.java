package io.vigil.escalation.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** /prometheus shows the timers' lateness as p50 and p99 lines as well as histogram buckets. */
class EscalationMetricsTest {

  /** Micrometer computes client-side percentiles from its own buckets, to within a few percent. */
  private static final Percentage APPROXIMATE = Percentage.withPercentage(5);

  @Test
  void latenessIsScrapedAsQuantileLinesAndAsBuckets() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EscalationMetrics metrics = new EscalationMetrics(registry);
    for (int millis = 1; millis <= 100; millis++) {
      metrics.lateness(TimerKind.STEP, millis);
    }
    metrics.lateness(TimerKind.SNOOZE_END, 250);

    List<String> lines = registry.scrape().lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(
            value(
                lines,
                "vigil_escalation_timer_lateness_quantiles_seconds{kind=\"STEP\",quantile=\"0.5\"}"))
        .isCloseTo(0.050, APPROXIMATE);
    assertThat(
            value(
                lines,
                "vigil_escalation_timer_lateness_quantiles_seconds{kind=\"STEP\",quantile=\"0.99\"}"))
        .isCloseTo(0.099, APPROXIMATE);
    assertThat(
            value(
                lines,
                "vigil_escalation_timer_lateness_quantiles_seconds{kind=\"SNOOZE_END\",quantile=\"0.99\"}"))
        .isCloseTo(0.250, APPROXIMATE);
    assertThat(
            value(lines, "vigil_escalation_timer_lateness_quantiles_seconds_count{kind=\"STEP\"}"))
        .isEqualTo(100.0);
    assertThat(lines)
        .as("the histogram keeps its buckets for histogram_quantile across instances")
        .anyMatch(
            l -> l.startsWith("vigil_escalation_timer_lateness_seconds_bucket{kind=\"STEP\""));
    assertThat(value(lines, "vigil_escalation_timer_lateness_seconds_count{kind=\"STEP\"}"))
        .isEqualTo(100.0);
  }

  private static double value(List<String> lines, String series) {
    return lines.stream()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no line " + series + " in\n" + String.join("\n", lines)));
  }
}
