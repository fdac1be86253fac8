package io.vigil.classifier;

import java.time.Duration;
import java.util.Objects;

/**
 * The classifier's own settings beyond the vigil/v1 document: how long a closed incident's state is
 * kept (for flap detection, late commands and notes), how often the wall-clock sweep runs, and the
 * partition count of its internal by-service topics.
 */
public record ClassifierOptions(Duration closedRetention, Duration sweepInterval, int partitions) {

  /** 7 days of closed-incident state, a 1 s sweep, 3 partitions (the local stack's topics). */
  public static final ClassifierOptions DEFAULTS =
      new ClassifierOptions(Duration.ofDays(7), Duration.ofSeconds(1), 3);

  public ClassifierOptions {
    Objects.requireNonNull(closedRetention, "closedRetention");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (closedRetention.isNegative() || closedRetention.isZero()) {
      throw new IllegalArgumentException(
          "vigil.classifier.closed-retention must be positive, got " + closedRetention);
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException(
          "vigil.classifier.sweep-interval must be positive, got " + sweepInterval);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "vigil.classifier.partitions must be at least 1, got " + partitions);
    }
  }
}
