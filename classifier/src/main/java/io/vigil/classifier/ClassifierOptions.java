package io.vigil.classifier;

import java.time.Duration;
import java.util.Objects;

/**
 * The classifier's own settings beyond the vigil/v1 document: how long a closed incident's state is
 * kept (for flap detection, late commands and notes), how often the wall-clock sweep runs, the
 * partition count of its internal by-service topics, how long a command for an incident the
 * directory does not know yet waits for it before it is rejected, and how long repeats of an alert
 * already firing in an incident are counted before the new count is published (one {@code
 * AlertGrouped} for all of them, as Alertmanager and PagerDuty deduplicate a repeat instead of
 * logging each one).
 */
public record ClassifierOptions(
    Duration closedRetention,
    Duration sweepInterval,
    int partitions,
    Duration commandWait,
    Duration countInterval) {

  /** How long repeats are counted before their count is published, by default. */
  public static final Duration COUNT_INTERVAL = Duration.ofSeconds(10);

  /**
   * 7 days of closed-incident state, a 1 s sweep, 3 partitions, commands wait up to 10 s, repeats
   * published every 10 s.
   */
  public static final ClassifierOptions DEFAULTS =
      new ClassifierOptions(
          Duration.ofDays(7), Duration.ofSeconds(1), 3, Duration.ofSeconds(10), COUNT_INTERVAL);

  /** The slowest the housekeeping of held threshold counts and maintenance alerts runs. */
  public static final Duration HOUSEKEEPING = Duration.ofMinutes(1);

  public ClassifierOptions {
    Objects.requireNonNull(closedRetention, "closedRetention");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(commandWait, "commandWait");
    Objects.requireNonNull(countInterval, "countInterval");
    positive("vigil.classifier.closed-retention", closedRetention);
    positive("vigil.classifier.sweep-interval", sweepInterval);
    positive("vigil.classifier.command-wait", commandWait);
    positive("vigil.classifier.count-interval", countInterval);
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "vigil.classifier.partitions must be at least 1, got " + partitions);
    }
  }

  /** These settings with the default count interval. */
  public ClassifierOptions(
      Duration closedRetention, Duration sweepInterval, int partitions, Duration commandWait) {
    this(closedRetention, sweepInterval, partitions, commandWait, COUNT_INTERVAL);
  }

  /** These settings with the default command wait and count interval. */
  public ClassifierOptions(Duration closedRetention, Duration sweepInterval, int partitions) {
    this(closedRetention, sweepInterval, partitions, Duration.ofSeconds(10), COUNT_INTERVAL);
  }

  /** How often held threshold counts and maintenance alerts are checked for expiry. */
  public Duration housekeepingInterval() {
    return sweepInterval.compareTo(HOUSEKEEPING) > 0 ? sweepInterval : HOUSEKEEPING;
  }

  private static void positive(String property, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(property + " must be positive, got " + value);
    }
  }
}
