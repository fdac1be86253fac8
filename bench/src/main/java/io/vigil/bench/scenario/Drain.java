package io.vigil.bench.scenario;

import io.vigil.bench.stack.ConsumerLag;

/** Waits for a consumer group to catch up: a lag of 0 read from the broker. */
public final class Drain {

  private Drain() {}

  /**
   * Reads the group's lag every 200 ms until it is 0 or {@code limitSeconds} passed; returns the
   * seconds from {@code sinceNanos} to the reading that saw 0, or -1.
   */
  public static double awaitZeroLag(
      ConsumerLag lag, StreamsGroup group, long sinceNanos, int limitSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      ConsumerLag.Reading r = group.read(lag);
      if (r.totalLag() == 0) {
        return (r.atNanos() - sinceNanos) / 1e9;
      }
      Thread.sleep(200);
    }
    return -1;
  }
}
