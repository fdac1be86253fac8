package io.vigil.bench.load;

import io.vigil.bench.stats.Samples;
import java.util.Map;

/**
 * What one load run achieved: accepted alerts and their rate over the measured seconds, refused
 * requests by status, errors, request latency (from the intended send time, so a stalled target
 * shows in it), and how far an open-loop sender fell behind its schedule.
 */
public record LoadResult(
    String endpoint,
    long alertsAccepted,
    long requestsAccepted,
    Map<Integer, Long> refusedByStatus,
    long errors,
    String firstProblem,
    double seconds,
    Samples.Summary requestLatency,
    double maxBehindMs) {

  /** Accepted alerts per second over the measured time. */
  public double alertsPerSecond() {
    return seconds <= 0 ? 0 : alertsAccepted / seconds;
  }

  /** Requests that were refused (non-2xx) or failed. */
  public long notAccepted() {
    return refusedByStatus.values().stream().mapToLong(Long::longValue).sum() + errors;
  }

  /** One line for the console. */
  public String describe() {
    return String.format(
        "%s: %,d alerts accepted in %.1f s = %,.0f alerts/s; request p50 %.1f ms, p99 %.1f ms;"
            + " not accepted %d%s%s",
        endpoint,
        alertsAccepted,
        seconds,
        alertsPerSecond(),
        requestLatency.p50Ms(),
        requestLatency.p99Ms(),
        notAccepted(),
        maxBehindMs > 0
            ? String.format("; sender behind schedule by up to %.0f ms", maxBehindMs)
            : "",
        firstProblem == null ? "" : " (first: " + firstProblem + ")");
  }
}
