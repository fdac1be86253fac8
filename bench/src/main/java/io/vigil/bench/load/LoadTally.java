package io.vigil.bench.load;

import io.vigil.bench.stats.Samples;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts what a load run's answers said — accepted alerts, refused requests by HTTP status, errors
 * (with the first one kept for the report) — and the request latencies, while requests complete on
 * many threads.
 */
final class LoadTally {

  private final AtomicLong requestsAccepted = new AtomicLong();
  private final AtomicLong alertsAccepted = new AtomicLong();
  private final Map<Integer, Long> refused = new TreeMap<>();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private final Samples latency = new Samples();

  /** Records one answer; returns whether the batch was accepted (2xx). */
  boolean answered(int status, int alerts, long latencyNanos, String body) {
    latency.add(latencyNanos);
    if (status / 100 == 2) {
      requestsAccepted.incrementAndGet();
      alertsAccepted.addAndGet(alerts);
      return true;
    }
    synchronized (refused) {
      refused.merge(status, 1L, Long::sum);
    }
    firstProblem.compareAndSet(null, "HTTP " + status + ": " + abbreviate(body));
    return false;
  }

  /** Records a request that got no answer (connection refused, timeout). */
  void failed(Throwable error) {
    while (error instanceof CompletionException && error.getCause() != null) {
      error = error.getCause();
    }
    errors.incrementAndGet();
    firstProblem.compareAndSet(null, error.getClass().getSimpleName() + ": " + error.getMessage());
  }

  long alertsAccepted() {
    return alertsAccepted.get();
  }

  LoadResult result(String name, double seconds, double maxBehindMs) {
    Map<Integer, Long> refusedCopy;
    synchronized (refused) {
      refusedCopy = Map.copyOf(refused);
    }
    return new LoadResult(
        name,
        alertsAccepted.get(),
        requestsAccepted.get(),
        refusedCopy,
        errors.get(),
        firstProblem.get(),
        seconds,
        latency.summary(),
        maxBehindMs);
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replace('\n', ' ');
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
