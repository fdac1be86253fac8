package io.vigil.notifier.delivery;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded concurrency with isolation: at most {@code workers} sends run at once, at most {@code
 * perDestination} of them to one destination; further work for a busy destination waits in that
 * destination's own queue without holding a worker, so one slow or dead destination only ever
 * delays itself.
 */
public final class DestinationLanes implements AutoCloseable {

  private final ExecutorService pool;
  private final int perDestination;
  private final Map<String, Lane> lanes = new HashMap<>();

  /** One destination's running count and waiting work. */
  private static final class Lane {
    int running;
    final Queue<Runnable> waiting = new ArrayDeque<>();
  }

  public DestinationLanes(int workers, int perDestination) {
    if (workers < 1 || perDestination < 1) {
      throw new IllegalArgumentException(
          "vigil.notifier.delivery.concurrency and .per-destination must be 1 or more");
    }
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "notifier-send-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.perDestination = perDestination;
  }

  /** Runs {@code task} for {@code destination} as soon as that destination has room. */
  public void submit(String destination, Runnable task) {
    synchronized (lanes) {
      Lane lane = lanes.computeIfAbsent(destination, d -> new Lane());
      if (lane.running >= perDestination) {
        lane.waiting.add(task);
        return;
      }
      lane.running++;
    }
    pool.execute(() -> run(destination, task));
  }

  /** Tasks waiting (not running) for {@code destination}. */
  public int waiting(String destination) {
    synchronized (lanes) {
      Lane lane = lanes.get(destination);
      return lane == null ? 0 : lane.waiting.size();
    }
  }

  private void run(String destination, Runnable task) {
    try {
      task.run();
    } finally {
      Runnable next;
      synchronized (lanes) {
        Lane lane = lanes.get(destination);
        next = lane.waiting.poll();
        if (next == null && --lane.running == 0) {
          lanes.remove(destination);
        }
      }
      if (next != null) {
        Runnable chained = next;
        pool.execute(() -> run(destination, chained));
      }
    }
  }

  /** Lets running sends finish for up to {@code graceMillis}; waiting work is dropped. */
  public void close(long graceMillis) {
    synchronized (lanes) {
      lanes.values().forEach(l -> l.waiting.clear());
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    close(10_000);
  }
}
