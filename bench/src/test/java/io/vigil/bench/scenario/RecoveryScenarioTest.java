package io.vigil.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryScenarioTest {

  @Test
  void theSilenceCountsFromTheKillToTheFirstPageAndBetweenLaterOnes() {
    long[] arrivals = {5, 100, 40, 160, 120};

    assertThat(RecoveryScenario.longestSilence(arrivals, 30)).isEqualTo(60); // 40 → 100
    assertThat(RecoveryScenario.longestSilence(arrivals, 0)).isEqualTo(60);
    assertThat(RecoveryScenario.longestSilence(new long[] {10, 90}, 0)).isEqualTo(80);
  }

  @Test
  void noPageAfterTheKillIsNoSilenceMeasured() {
    assertThat(RecoveryScenario.longestSilence(new long[] {1, 2}, 10)).isZero();
  }
}
