package io.vigil.bench.scenario;

import io.vigil.bench.load.ClosedLoop;
import io.vigil.bench.load.Endpoint;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.stack.ConsumerLag;
import io.vigil.schemas.topic.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 1, ingest → incident: closed-loop load (Alertmanager batches over the fingerprint pool)
 * for the warm-up plus the measured seconds; the accepted alerts/s, and for Vigil, the rate at
 * which the classifier committed past alerts over the same window, its lag at the end and its
 * highest lag, and how long it took to drain once the load stopped.
 */
public final class ThroughputScenario {

  /**
   * The outcome; classifier figures are -1 for a target without a classifier.
   *
   * @param classifiedPerSecond alerts/s the classifier committed past on vigil.alerts.v1 (alerts in
   *     their service's partition, all of alert-ingest's, are then through its incident step)
   * @param drainSeconds from the end of the load until the classifier's lag was 0 (-1: not within
   *     the drain limit)
   */
  public record Result(
      LoadResult load,
      double classifiedPerSecond,
      long lagAtEnd,
      long maxLag,
      double drainSeconds) {}

  /** The topic whose committed offsets count alerts through the incident step. */
  /** Where the classifier's progress is read: its input, whose alerts go to the desk in place. */
  static final String INCIDENT_STEP_INPUT = Topics.ALERTS.name();

  private final BenchContext ctx;

  public ThroughputScenario(BenchContext ctx) {
    this.ctx = ctx;
  }

  /** Runs against {@code endpoint}; {@code withClassifier} reads the classifier's lag too. */
  public Result run(Endpoint endpoint, boolean withClassifier) throws InterruptedException {
    ClosedLoop load = new ClosedLoop(ctx.http(), ctx.options().integer("clients"));
    List<ConsumerLag.Reading> readings = new CopyOnWriteArrayList<>();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long windowStart = start + ctx.options().seconds("warm-up").toNanos();
    if (withClassifier) {
      sampler.scheduleAtFixedRate(() -> sample(readings), 0, 500, TimeUnit.MILLISECONDS);
    }
    LoadResult result =
        load.run(
            endpoint,
            ctx.loadShape(ctx.options().integer("batch"), 0),
            ctx.options().seconds("warm-up"),
            ctx.options().seconds("seconds"));
    long windowEnd = System.nanoTime();
    sampler.shutdownNow();
    sampler.awaitTermination(5, TimeUnit.SECONDS);
    if (!withClassifier || readings.isEmpty()) {
      return new Result(result, -1, -1, -1, -1);
    }
    ConsumerLag.Reading first = nearest(readings, windowStart);
    ConsumerLag.Reading last = StreamsGroup.CLASSIFIER.read(ctx.lag());
    double seconds = (last.atNanos() - first.atNanos()) / 1e9;
    double classified =
        (last.committedOn(INCIDENT_STEP_INPUT) - first.committedOn(INCIDENT_STEP_INPUT)) / seconds;
    long maxLag =
        readings.stream()
            .filter(r -> r.atNanos() >= windowStart)
            .mapToLong(ConsumerLag.Reading::totalLag)
            .max()
            .orElse(last.totalLag());
    double drain = Drain.awaitZeroLag(ctx.lag(), StreamsGroup.CLASSIFIER, windowEnd, 300);
    return new Result(
        result, classified, last.totalLag(), Math.max(maxLag, last.totalLag()), drain);
  }

  private void sample(List<ConsumerLag.Reading> readings) {
    try {
      readings.add(StreamsGroup.CLASSIFIER.read(ctx.lag()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // a missed reading; the next one counts
    }
  }

  private static ConsumerLag.Reading nearest(List<ConsumerLag.Reading> readings, long at) {
    ConsumerLag.Reading best = readings.get(0);
    for (ConsumerLag.Reading r : readings) {
      if (Math.abs(r.atNanos() - at) < Math.abs(best.atNanos() - at)) {
        best = r;
      }
    }
    return best;
  }
}
