package io.vigil.bench.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory of every stack process (and the Alertmanager peer, when running) once
 * a second and keeps the peak since the last {@link #resetPeaks()}, so a scenario can report memory
 * idle and under load; and reads the CPU time each has used, for CPU shares over a span.
 */
public final class ResourceWatch implements AutoCloseable {

  private final StackProcesses stack;
  private final Map<String, Long> peaks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bench-memory");
            t.setDaemon(true);
            return t;
          });
  private volatile long peerPid = -1;

  public ResourceWatch(StackProcesses stack) {
    this.stack = stack;
    sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  /** Includes (or, with -1, stops including) the Alertmanager peer's process. */
  public void watchPeer(long pid) {
    this.peerPid = pid;
  }

  /** RSS in bytes of every process now. */
  public Map<String, Long> now() {
    Map<String, Long> all = new LinkedHashMap<>(stack.rss());
    long pid = peerPid;
    if (pid > 0) {
      StackProcesses.rssOf(pid).ifPresent(bytes -> all.put("alertmanager", bytes));
    }
    return all;
  }

  /** CPU seconds every process (the peer included) has used so far. */
  public Map<String, Double> cpuSeconds() {
    Map<String, Double> all = new LinkedHashMap<>(stack.cpuSeconds());
    long pid = peerPid;
    if (pid > 0) {
      StackProcesses.cpuSecondsOf(pid).ifPresent(s -> all.put("alertmanager", s));
    }
    return all;
  }

  /** Forgets the peaks so far. */
  public void resetPeaks() {
    peaks.clear();
  }

  /** The peak RSS of each process since the last reset. */
  public Map<String, Long> peaks() {
    sample();
    return Map.copyOf(peaks);
  }

  private void sample() {
    now().forEach((name, bytes) -> peaks.merge(name, bytes, Math::max));
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
