package io.vigil.escalation;

import java.time.Duration;
import java.util.Objects;

/**
 * The escalation service's own tuning, apart from the configuration document: how often due timers
 * are checked and how many fire per check, how long a closed incident is remembered for a reopen,
 * and how the windowed SLA summaries close; every value must be positive.
 *
 * @param tick how often due timers are checked (wall clock)
 * @param maxFiresPerTick at most this many timers fire in one check; the rest wait for the next
 * @param closedRetention how long a resolved incident is kept so a reopen can page it again
 * @param summaryGrace how late a measurement may reach its hourly or daily window and still count
 * @param summaryTick how often each task moves the windows' clock forward when nothing happens
 */
public record EscalationOptions(
    Duration tick,
    int maxFiresPerTick,
    Duration closedRetention,
    Duration summaryGrace,
    Duration summaryTick) {

  /** The defaults: 100 ms, 1,000, 7 days (the classifier's), 5 minutes, 10 seconds. */
  public static final EscalationOptions DEFAULTS =
      new EscalationOptions(
          Duration.ofMillis(100),
          1_000,
          Duration.ofDays(7),
          Duration.ofMinutes(5),
          Duration.ofSeconds(10));

  public EscalationOptions {
    positive("vigil.escalation.tick", tick);
    positive("vigil.escalation.closed-retention", closedRetention);
    positive("vigil.escalation.summary-grace", summaryGrace);
    positive("vigil.escalation.summary-tick", summaryTick);
    if (maxFiresPerTick < 1) {
      throw new IllegalArgumentException(
          "vigil.escalation.max-fires-per-tick must be at least 1, got " + maxFiresPerTick);
    }
  }

  public EscalationOptions withMaxFiresPerTick(int max) {
    return new EscalationOptions(tick, max, closedRetention, summaryGrace, summaryTick);
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
