package io.vigil.escalation.sla.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lateness buckets of two significant digits, and percentiles by nearest rank over them. */
class LatenessBucketsTest {

  @ParameterizedTest(name = "{0} ms counts as {1} ms")
  @CsvSource({
    "-5, 0",
    "0, 0",
    "1, 1",
    "99, 99",
    "100, 100",
    "109, 100",
    "110, 110",
    "999, 990",
    "1000, 1000",
    "1099, 1000",
    "9999, 9900",
    "10000, 10000",
    "61234, 61000",
    "99000000000, 99000000000",
    "100000000000, 99000000000",
    "999999999999999, 99000000000"
  })
  void valuesCountAtTheLowerBoundOfTheirBucket(long millis, long bucket) {
    assertThat(LatenessBuckets.lowerBound(LatenessBuckets.index(millis))).isEqualTo(bucket);
  }

  @Test
  void bucketsAreOrderedAndEachBoundFallsInItsOwnBucket() {
    for (int i = 0; i < 100 + 90 * 9; i++) {
      assertThat(LatenessBuckets.index(LatenessBuckets.lowerBound(i))).isEqualTo(i);
      if (i > 0) {
        assertThat(LatenessBuckets.lowerBound(i)).isGreaterThan(LatenessBuckets.lowerBound(i - 1));
      }
    }
  }

  @Test
  void mergedCountsAreTheSumOfBoth() {
    long[] a = LatenessBuckets.add(LatenessBuckets.add(new long[0], 5), 150);
    long[] b = LatenessBuckets.add(new long[0], 5);
    assertThat(LatenessBuckets.merge(a, b)).isEqualTo(LatenessBuckets.add(a, 5));
    assertThat(LatenessBuckets.merge(b, a)).isEqualTo(LatenessBuckets.add(a, 5));
  }

  @Test
  void percentilesAreTheNearestRank() {
    long[] counts = new long[0];
    assertThat(LatenessBuckets.percentile(counts, 50)).isNull();
    for (long millis = 1; millis <= 200; millis++) { // 1..200 ms, one each
      counts = LatenessBuckets.add(counts, millis);
    }
    assertThat(LatenessBuckets.percentile(counts, 50)).as("the 100th of 200").isEqualTo(100);
    assertThat(LatenessBuckets.percentile(counts, 99))
        .as("the 198th: 198 ms, bucket 190")
        .isEqualTo(190);
    assertThat(LatenessBuckets.percentile(counts, 100)).isEqualTo(200);
    assertThat(LatenessBuckets.percentile(LatenessBuckets.add(new long[0], 42), 99)).isEqualTo(42);
  }
}
