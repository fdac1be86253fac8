package io.vigil.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests leave at a fixed rate whatever the target's answers do (a slow answer
 * does not delay the next request), which is how alerts arrive in production and what latency is
 * measured under. At most {@code maxInFlight} requests wait for answers; past that the sender falls
 * behind schedule, and the report says by how much.
 */
public final class OpenLoop {

  /** Told about every accepted batch: when it was sent and when its 2xx arrived (nanoTime). */
  public interface Acceptance {
    void accepted(List<Alert> batch, long sentNanos, long acceptedNanos);
  }

  private final HttpClient client;
  private final int maxInFlight;

  public OpenLoop(HttpClient client, int maxInFlight) {
    this.client = client;
    this.maxInFlight = maxInFlight;
  }

  /** The intended send time of request {@code n}, in nanoseconds after the start. */
  public static long dueNanos(long n, double requestsPerSecond) {
    return (long) (n * 1_000_000_000.0 / requestsPerSecond);
  }

  /**
   * Sends {@code alertsPerSecond} (in batches of the shape's size) for {@code duration}, then waits
   * up to 30 s for the last answers.
   */
  public LoadResult run(
      Endpoint endpoint,
      AlertShape shape,
      double alertsPerSecond,
      Duration duration,
      Acceptance listener)
      throws InterruptedException {
    double requestsPerSecond = alertsPerSecond / shape.batchSize();
    long requests = (long) (requestsPerSecond * duration.toNanos() / 1e9);
    Semaphore inFlight = new Semaphore(maxInFlight);
    LoadTally tally = new LoadTally();
    long start = System.nanoTime();
    long maxBehind = 0;
    for (long n = 0; n < requests; n++) {
      long due = start + dueNanos(n, requestsPerSecond);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      long sent = System.nanoTime();
      maxBehind = Math.max(maxBehind, sent - due);
      List<Alert> batch = shape.batch(n);
      client
          .sendAsync(endpoint.request(batch), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                long answered = System.nanoTime();
                try {
                  if (error != null) {
                    tally.failed(error);
                  } else if (tally.answered(
                          response.statusCode(), batch.size(), answered - due, response.body())
                      && listener != null) {
                    listener.accepted(batch, sent, answered);
                  }
                } finally {
                  inFlight.release();
                }
              });
    }
    if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
      tally.failed(new IllegalStateException("answers still missing 30 s after the last request"));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return tally.result(endpoint.name(), seconds, maxBehind / 1e6);
  }
}
