package io.vigil.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void theMiddleValueOrTheMeanOfTheMiddleTwo() {
    assertThat(Median.of(9, 1, 5)).isEqualTo(5);
    assertThat(Median.of(4, 1, 3, 2)).isEqualTo(2.5);
  }

  @Test
  void runsWithoutTheFigureAreLeftOut() {
    assertThat(Median.of(Double.NaN, 7, 3)).isEqualTo(5);
    assertThat(Median.of()).isNaN();
    assertThat(Median.over(Arrays.asList("aa", null, "aaaa"), String::length)).isEqualTo(3);
  }
}
