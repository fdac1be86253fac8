package io.vigil.notifier.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a failed webhook is retried: at most {@code tries} sends, waiting
 * {@code backoff}, then twice that, and so on, between them.
 *
 * @param tries sends in total, at least 1
 * @param backoff wait before the second send
 */
public record RetryPolicy(int tries, Duration backoff) {

  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    if (tries < 1) {
      throw new IllegalArgumentException("a webhook needs at least 1 try, got " + tries);
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative: " + backoff);
    }
  }

  /** The wait after send number {@code tryNumber} (1-based) failed. */
  public Duration delayAfter(int tryNumber) {
    return backoff.multipliedBy(1L << Math.min(tryNumber - 1, 20));
  }
}
