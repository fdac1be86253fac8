package io.vigil.ingest.throttle;

/**
 * A token bucket: it holds at most {@code burst} tokens, refills at {@code perSecond}, and a take
 * of {@code n} either succeeds whole or says how long until it would; a take larger than the bucket
 * is charged as a full bucket, so it can always succeed eventually.
 */
final class TokenBucket {

  private final double perNano;
  private final double burst;
  private double tokens;
  private long lastNanos;

  TokenBucket(int perSecond, int burst, long nowNanos) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("perSecond and burst must be at least 1");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes {@code n} tokens: 0 when taken, else the nanoseconds to wait before trying again. */
  synchronized long take(int n, long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    tokens = Math.min(burst, tokens + elapsed * perNano);
    lastNanos = nowNanos;
    double cost = Math.min(n, burst);
    if (tokens >= cost) {
      tokens -= cost;
      return 0;
    }
    return (long) Math.ceil((cost - tokens) / perNano);
  }
}
