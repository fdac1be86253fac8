package io.vigil.escalation.sla.window;

import java.util.Arrays;

/**
 * Counts of lateness values in buckets of two significant digits (exact below 100 ms, then 10 ms
 * wide up to 1 s, 100 ms up to 10 s, ...), so a window's p50 and p99 come from a few hundred counts
 * however many steps fired; a quantile is the lower bound of the bucket holding its nearest rank.
 */
final class LatenessBuckets {

  /** Bucket count per decade from 100 ms on (10..99 as the two leading digits). */
  private static final int PER_DECADE = 90;

  /** The last bucket, from 99·10^9 ms (about three years) on, takes everything larger too. */
  private static final int LAST = 100 + PER_DECADE * 9 - 1;

  private LatenessBuckets() {}

  /** The bucket of {@code millis} (negative counts as 0). */
  static int index(long millis) {
    long v = Math.max(0, millis);
    if (v < 100) {
      return (int) v;
    }
    int decade = 0; // 0 for 100..999, 1 for 1,000..9,999, ...
    long scale = 10;
    while (v / scale >= 100) {
      scale *= 10;
      decade++;
    }
    return (int) Math.min(LAST, 100 + (long) decade * PER_DECADE + (v / scale - 10));
  }

  /** The smallest value of bucket {@code index}. */
  static long lowerBound(int index) {
    if (index < 100) {
      return index;
    }
    int decade = (index - 100) / PER_DECADE;
    long leading = 10 + (index - 100) % PER_DECADE;
    long scale = 10;
    for (int i = 0; i < decade; i++) {
      scale *= 10;
    }
    return leading * scale;
  }

  /** {@code counts} with one more value counted, grown as needed (a new array). */
  static long[] add(long[] counts, long millis) {
    int i = index(millis);
    long[] next = Arrays.copyOf(counts, Math.max(counts.length, i + 1));
    next[i]++;
    return next;
  }

  /** The counts of both, added up (a new array). */
  static long[] merge(long[] a, long[] b) {
    long[] sum = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int i = 0; i < b.length; i++) {
      sum[i] += b[i];
    }
    return sum;
  }

  /**
   * The {@code percent}-th percentile by nearest rank: the lower bound of the bucket holding the
   * value ranked ceil(percent·n/100) in ascending order; null when nothing was counted.
   */
  static Long percentile(long[] counts, int percent) {
    long n = Arrays.stream(counts).sum();
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (percent * n + 99) / 100);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return lowerBound(i);
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + n + " counted values");
  }
}
