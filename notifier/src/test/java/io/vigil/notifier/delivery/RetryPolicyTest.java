package io.vigil.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffDoublesUpToTheCapWithoutJitter() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3), 0, () -> 0.7);

    assertThat(p.delayAfter(1, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.delayAfter(2, null)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.delayAfter(3, null)).isEqualTo(Duration.ofMillis(2000));
    assertThat(p.delayAfter(4, null)).isEqualTo(Duration.ofMillis(3000));
    assertThat(p.delayAfter(40, null)).isEqualTo(Duration.ofMillis(3000));
  }

  @Test
  void jitterTakesARandomShareOffTheWait() {
    RetryPolicy p =
        new RetryPolicy(3, Duration.ofMillis(1000), Duration.ofSeconds(30), 0.5, () -> 0.5);

    assertThat(p.delayAfter(2, null)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aRetryAfterIsHonouredUpToTheCap() {
    RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10), 0, () -> 0);

    assertThat(p.delayAfter(1, Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.delayAfter(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(10));
  }
}
