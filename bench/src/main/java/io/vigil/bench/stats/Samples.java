package io.vigil.bench.stats;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole (no bucketing) so percentiles are exact: the
 * nearest-rank percentile of every sample recorded. Thread-safe for concurrent recording.
 */
public final class Samples {

  private long[] values = new long[1024];
  private int size;

  /** Records one sample, in nanoseconds. */
  public synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  /** How many samples were recorded. */
  public synchronized int count() {
    return size;
  }

  /** A sorted copy of the samples, in nanoseconds. */
  public synchronized long[] sorted() {
    long[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    return copy;
  }

  /** p50, p99 and max of what was recorded so far (all zero when empty). */
  public Summary summary() {
    return Summary.of(sorted());
  }

  /** The nearest-rank percentile {@code p} (0 &lt; p ≤ 100) of sorted samples; 0 when empty. */
  public static long percentile(long[] sorted, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The figures a latency table shows, in milliseconds. */
  public record Summary(int count, double p50Ms, double p99Ms, double maxMs) {

    /** The summary of samples already sorted, in nanoseconds. */
    public static Summary of(long[] sorted) {
      if (sorted.length == 0) {
        return new Summary(0, 0, 0, 0);
      }
      return new Summary(
          sorted.length,
          millis(percentile(sorted, 50)),
          millis(percentile(sorted, 99)),
          millis(sorted[sorted.length - 1]));
    }

    private static double millis(long nanos) {
      return nanos / 1_000_000.0;
    }
  }
}
