package io.vigil.notifier.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a retryable failure is retried: at most {@code tries} sends, the wait
 * doubling from {@code backoff} up to {@code maxBackoff}, each wait shortened by a random share of
 * up to {@code jitter} so retries of many attempts do not arrive together; a destination's own
 * {@code Retry-After} is honoured up to {@code maxBackoff}.
 *
 * @param tries sends in total, at least 1
 * @param backoff wait before the second send
 * @param maxBackoff longest wait
 * @param jitter 0 (none) to 1 (anywhere between 0 and the full wait)
 * @param random source of randomness in [0, 1)
 */
public record RetryPolicy(
    int tries, Duration backoff, Duration maxBackoff, double jitter, DoubleSupplier random) {

  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(random, "random");
    if (tries < 1) {
      throw new IllegalArgumentException(
          "vigil.notifier.delivery.tries must be 1 or more: " + tries);
    }
    if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must be 0 or more and max-backoff at least backoff: "
              + backoff
              + ", "
              + maxBackoff);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
    }
  }

  /** A policy with random jitter. */
  public static RetryPolicy of(int tries, Duration backoff, Duration maxBackoff, double jitter) {
    return new RetryPolicy(tries, backoff, maxBackoff, jitter, Math::random);
  }

  /** The wait after send number {@code tryNumber} (1-based) failed. */
  public Duration delayAfter(int tryNumber, Duration retryAfter) {
    long full = backoff.toMillis() << Math.min(tryNumber - 1, 30);
    long capped = Math.min(full < 0 ? Long.MAX_VALUE : full, maxBackoff.toMillis());
    long jittered = Math.round(capped * (1 - jitter * random.getAsDouble()));
    if (retryAfter != null) {
      jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxBackoff.toMillis()));
    }
    return Duration.ofMillis(jittered);
  }
}
