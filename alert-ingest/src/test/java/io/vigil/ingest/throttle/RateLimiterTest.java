package io.vigil.ingest.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Service;
import io.vigil.ingest.auth.IntegrationKeys;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(new Service.RateLimit(10, 20), nanos::get);

  private static IntegrationKeys.Integration integration(byte id, Service.RateLimit own) {
    byte[] hash = new byte[32];
    hash[0] = id;
    return new IntegrationKeys.Integration(
        "svc", Service.IntegrationType.ALERTMANAGER, hash, null, own, List.of());
  }

  @Test
  void theDefaultBucketLetsABurstThroughThenAsksToWait() {
    var a = integration((byte) 1, null);

    assertThat(limiter.retryAfterSeconds(a, 20)).isEmpty();
    assertThat(limiter.retryAfterSeconds(a, 1)).isEqualTo(OptionalLong.of(1));
    assertThat(limiter.retryAfterSeconds(a, 15)).isEqualTo(OptionalLong.of(2));
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    var a = integration((byte) 1, null);
    limiter.retryAfterSeconds(a, 20);

    nanos.addAndGet(500_000_000L);

    assertThat(limiter.retryAfterSeconds(a, 5)).isEmpty();
    assertThat(limiter.retryAfterSeconds(a, 1)).isPresent();
  }

  @Test
  void eachKeyHasItsOwnBucketAndItsOwnConfiguredLimit() {
    var a = integration((byte) 1, null);
    var b = integration((byte) 2, new Service.RateLimit(1, 3));
    limiter.retryAfterSeconds(a, 20);

    assertThat(limiter.retryAfterSeconds(b, 3)).isEmpty();
    assertThat(limiter.retryAfterSeconds(b, 1)).isEqualTo(OptionalLong.of(1));
  }

  @Test
  void aBatchLargerThanTheBucketPassesWhenTheBucketIsFull() {
    var a = integration((byte) 1, null);

    assertThat(limiter.retryAfterSeconds(a, 500)).isEmpty();
    assertThat(limiter.retryAfterSeconds(a, 500)).isEqualTo(OptionalLong.of(2));
  }
}
