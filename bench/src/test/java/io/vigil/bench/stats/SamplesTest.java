package io.vigil.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void percentilesAreNearestRankOverEverySample() {
    Samples samples = new Samples();
    for (int ms = 100; ms >= 1; ms--) {
      samples.add(ms * 1_000_000L);
    }

    Samples.Summary s = samples.summary();

    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50Ms()).isEqualTo(50.0);
    assertThat(s.p99Ms()).isEqualTo(99.0);
    assertThat(s.maxMs()).isEqualTo(100.0);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    long[] one = {7};

    assertThat(Samples.percentile(one, 0.001)).isEqualTo(7);
    assertThat(Samples.percentile(one, 100)).isEqualTo(7);
  }

  @Test
  void growsPastItsFirstArray() {
    Samples samples = new Samples();
    for (int i = 0; i < 5000; i++) {
      samples.add(i);
    }

    assertThat(samples.count()).isEqualTo(5000);
    assertThat(samples.sorted()[4999]).isEqualTo(4999);
  }

  @Test
  void emptyMeansZeroesAndAPercentileOutOfRangeIsRefused() {
    assertThat(new Samples().summary()).isEqualTo(new Samples.Summary(0, 0, 0, 0));
    assertThatThrownBy(() -> Samples.percentile(new long[] {1}, 0))
        .hasMessage("percentile must be in (0, 100], was 0.0");
  }
}
