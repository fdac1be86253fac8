package io.vigil.bench.scenario;

import io.vigil.bench.load.AlertShape;
import io.vigil.bench.load.LoadResult;
import io.vigil.bench.load.OpenLoop;
import io.vigil.bench.stack.IncidentTally;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scenario 2, the storm: {@code storm-alerts} alerts in {@code storm-seconds} (open loop,
 * Alertmanager batches) over {@code storm-fingerprints} spread over the run's fresh storm services,
 * all with the same alert time so they fall in one storm window. Checked against the rules'
 * prediction: per service, the first {@code storm-limit} distinct alerts open an incident each and
 * the rest open one storm incident; every alert is counted into an incident; one page per incident.
 */
public final class StormScenario {

  /**
   * The outcome; times in seconds from the first alert sent, -1 when it did not happen within the
   * limit.
   */
  public record Result(
      LoadResult load,
      long predictedIncidents,
      long incidentsOpened,
      long alertsCounted,
      long pages,
      double sendSeconds,
      double countedSeconds,
      double lagZeroSeconds,
      double lastPageSeconds) {}

  private final BenchContext ctx;

  public StormScenario(BenchContext ctx) {
    this.ctx = ctx;
  }

  /** Incidents the storm rule opens: per service, min(distinct, limit), plus one storm incident. */
  public static long predictedIncidents(int services, int distinctPerService, int limit) {
    int perService = Math.min(distinctPerService, limit) + (distinctPerService > limit ? 1 : 0);
    return (long) services * perService;
  }

  /** Runs storm number {@code run} (from 1) on that run's storm services. */
  public Result run(int run) throws InterruptedException {
    List<String> services = ctx.config().stormServiceIds(run);
    Set<String> serviceSet = new HashSet<>(services);
    int fingerprints = ctx.options().integer("storm-fingerprints");
    Instant stormTime = Instant.now();
    AlertShape shape =
        ctx.shape(services, fingerprints, ctx.options().integer("batch"), 0, () -> stormTime);
    long predicted =
        predictedIncidents(
            services.size(),
            shape.fingerprints() / services.size(),
            ctx.options().integer("storm-limit"));
    int alerts = ctx.options().integer("storm-alerts");
    Duration sendTime = ctx.options().seconds("storm-seconds");
    try (IncidentTally tally =
        new IncidentTally(
            ctx.options().text("bootstrap"), ctx.options().text("registry-url"), serviceSet)) {
      long start = System.nanoTime();
      LoadResult load =
          new OpenLoop(ctx.http(), 512)
              .run(
                  ctx.vigilAlertmanager(),
                  shape,
                  alerts / (double) sendTime.toSeconds(),
                  sendTime,
                  null);
      long sent = System.nanoTime();
      long deadline = sent + 600_000_000_000L;
      double counted = -1;
      double lagZero = -1;
      while (System.nanoTime() < deadline) {
        tally.poll(Duration.ofMillis(200));
        if (counted < 0 && tally.alertsCounted() >= load.alertsAccepted()) {
          counted = (tally.lastEventNanos() - start) / 1e9;
        }
        if (counted >= 0 && lagZero < 0) {
          lagZero = Drain.awaitZeroLag(ctx.lag(), StreamsGroup.CLASSIFIER, start, 60);
        }
        if (counted >= 0 && ctx.pages().pagesOf(serviceSet) >= tally.opened()) {
          break;
        }
      }
      Quiet.awaitQuietPages(ctx.pages(), serviceSet, 3);
      long last = ctx.pages().lastPageNanos();
      return new Result(
          load,
          predicted,
          tally.opened(),
          tally.alertsCounted(),
          ctx.pages().pagesOf(serviceSet),
          (sent - start) / 1e9,
          counted,
          lagZero,
          last > start ? (last - start) / 1e9 : -1);
    }
  }
}
