package io.vigil.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} senders each send the next batch as soon as the previous one is
 * answered, which finds the most a target accepts. Only answers within the measured window (after
 * the warm-up) count.
 */
public final class ClosedLoop {

  private final HttpClient client;
  private final int clients;

  public ClosedLoop(HttpClient client, int clients) {
    this.client = client;
    this.clients = clients;
  }

  /** Sends for {@code warmUp} + {@code measured} and reports the measured part. */
  public LoadResult run(Endpoint endpoint, AlertShape shape, Duration warmUp, Duration measured)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    long windowStart = System.nanoTime() + warmUp.toNanos();
    long windowEnd = windowStart + measured.toNanos();
    LoadTally tally = new LoadTally();
    List<Thread> senders = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread sender =
          new Thread(
              () -> send(endpoint, shape, next, windowStart, windowEnd, tally),
              "bench-client-" + c);
      sender.setDaemon(true);
      senders.add(sender);
      sender.start();
    }
    for (Thread sender : senders) {
      sender.join();
    }
    return tally.result(endpoint.name(), measured.toNanos() / 1e9, 0);
  }

  private void send(
      Endpoint endpoint,
      AlertShape shape,
      AtomicLong next,
      long windowStart,
      long windowEnd,
      LoadTally tally) {
    while (System.nanoTime() < windowEnd) {
      List<Alert> batch = shape.batch(next.getAndIncrement());
      long sent = System.nanoTime();
      try {
        HttpResponse<String> response =
            client.send(endpoint.request(batch), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (answered >= windowStart && answered < windowEnd) {
          tally.answered(response.statusCode(), batch.size(), answered - sent, response.body());
        }
      } catch (IOException e) {
        tally.failed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
