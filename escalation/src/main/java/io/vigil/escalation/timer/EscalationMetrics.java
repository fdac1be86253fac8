package io.vigil.escalation.timer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The escalation service's Micrometer meters: how late each durable timer fired, per timer kind, as
 * a histogram (buckets to aggregate across instances) and as p50/p99 of the last minutes (quantile
 * lines to read as they are), and each incident's response times per service and priority.
 */
public final class EscalationMetrics {

  /** Histogram of fire time minus due time, tagged {@code kind}: buckets, count, sum, max. */
  public static final String LATENESS = "vigil.escalation.timer.lateness";

  /**
   * The same lateness as a summary with {@code quantile="0.5"} and {@code "0.99"} lines, over
   * Micrometer's decaying window (about the last two minutes), tagged {@code kind}. Prometheus'
   * registry drops client-side quantiles from a meter that also has buckets, hence a meter of its
   * own.
   */
  public static final String LATENESS_QUANTILES = "vigil.escalation.timer.lateness.quantiles";

  /** Time to acknowledge / resolve, tagged {@code service}, {@code priority}, {@code metric}. */
  public static final String RESPONSE_TIME = "vigil.sla.response.time";

  private final MeterRegistry registry;
  private final Map<TimerKind, Timer[]> lateness = new ConcurrentHashMap<>();

  public EscalationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void lateness(TimerKind kind, long millis) {
    Duration late = Duration.ofMillis(Math.max(0, millis));
    for (Timer timer : lateness.computeIfAbsent(kind, this::latenessTimers)) {
      timer.record(late);
    }
  }

  private Timer[] latenessTimers(TimerKind kind) {
    return new Timer[] {
      Timer.builder(LATENESS)
          .description("How late a durable escalation or SLA timer fired after its due time")
          .tag("kind", kind.name())
          .publishPercentileHistogram()
          .register(registry),
      Timer.builder(LATENESS_QUANTILES)
          .description("p50 and p99 of how late durable timers fired, over the last minutes")
          .tag("kind", kind.name())
          .publishPercentiles(0.5, 0.99)
          .register(registry)
    };
  }

  public void responseTime(String service, String priority, String metric, long millis) {
    Timer.builder(RESPONSE_TIME)
        .description("Per-incident time to acknowledge and to resolve")
        .tags("service", service, "priority", priority, "metric", metric)
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(Duration.ofMillis(Math.max(0, millis)));
  }
}
