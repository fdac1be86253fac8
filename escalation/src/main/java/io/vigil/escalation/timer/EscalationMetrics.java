package io.vigil.escalation.timer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The escalation service's Micrometer meters: how late each durable timer fired (a histogram with
 * p50/p99 per timer kind) and each incident's response times per service and priority.
 */
public final class EscalationMetrics {

  /** Histogram of fire time minus due time, tagged {@code kind}. */
  public static final String LATENESS = "vigil.escalation.timer.lateness";

  /** Time to acknowledge / resolve, tagged {@code service}, {@code priority}, {@code metric}. */
  public static final String RESPONSE_TIME = "vigil.sla.response.time";

  private final MeterRegistry registry;

  public EscalationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void lateness(TimerKind kind, long millis) {
    Timer.builder(LATENESS)
        .description("How late a durable escalation or SLA timer fired after its due time")
        .tag("kind", kind.name())
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofMillis(Math.max(0, millis)));
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
