package io.vigil.ingest.throttle;

import io.vigil.config.Service;
import io.vigil.ingest.auth.IntegrationKeys;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per integration key — the integration's own {@code rateLimit}, else the
 * service-wide default — charged one token per alert; an over-limit request learns how many whole
 * seconds to wait (at least 1).
 */
public final class RateLimiter {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Service.RateLimit defaultLimit;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param defaultLimit the bucket of integrations without their own {@code rateLimit}
   * @param nanoClock monotonic nanoseconds, {@code System::nanoTime} outside tests
   */
  public RateLimiter(Service.RateLimit defaultLimit, LongSupplier nanoClock) {
    if (defaultLimit.perSecond() < 1 || defaultLimit.burst() < 1) {
      throw new IllegalArgumentException(
          "the default rate limit needs perSecond and burst of at least 1: " + defaultLimit);
    }
    this.defaultLimit = defaultLimit;
    this.nanoClock = nanoClock;
  }

  /**
   * Charges {@code alerts} tokens to the integration's bucket.
   *
   * @return empty when allowed, else the whole seconds to wait before retrying (≥ 1)
   */
  public OptionalLong retryAfterSeconds(IntegrationKeys.Integration integration, int alerts) {
    long now = nanoClock.getAsLong();
    Service.RateLimit limit =
        integration.rateLimit() == null ? defaultLimit : integration.rateLimit();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            integration.bucketId(), id -> new TokenBucket(limit.perSecond(), limit.burst(), now));
    long waitNanos = bucket.take(Math.max(1, alerts), now);
    if (waitNanos == 0) {
      return OptionalLong.empty();
    }
    long seconds = (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    return OptionalLong.of(Math.max(1, seconds));
  }
}
