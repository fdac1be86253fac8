package io.vigil.escalation.sla.window;

import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaWindow;
import io.vigil.schemas.SlaWindowSummarized;
import java.time.Instant;

/**
 * What one service and priority measured in one window: counts and sums of the times to acknowledge
 * and to resolve (for the means), breaches, pages, and the lateness of the pages timers fired; it
 * only grows, one measurement at a time.
 *
 * @param acknowledged times to acknowledge measured
 * @param acknowledgeSum their sum, in milliseconds
 * @param resolved times to resolve measured
 * @param resolveSum their sum, in milliseconds
 * @param breaches SLA targets breached
 * @param escalations pages fired (every {@code EscalationFired})
 * @param lateness counts of the timer-fired pages' lateness, per {@link LatenessBuckets} bucket
 */
public record WindowSummary(
    int acknowledged,
    long acknowledgeSum,
    int resolved,
    long resolveSum,
    int breaches,
    int escalations,
    long[] lateness) {

  public WindowSummary {
    lateness = lateness == null ? new long[0] : lateness;
  }

  /** Nothing measured yet. */
  public static WindowSummary empty() {
    return new WindowSummary(0, 0, 0, 0, 0, 0, new long[0]);
  }

  /** Whether nothing was measured (a tick, or a window only ticks passed through). */
  public boolean isEmpty() {
    return acknowledged == 0 && resolved == 0 && breaches == 0 && escalations == 0;
  }

  /** One time to acknowledge. */
  public static WindowSummary acknowledged(long millis) {
    return new WindowSummary(1, millis, 0, 0, 0, 0, new long[0]);
  }

  /** One time to resolve. */
  public static WindowSummary resolved(long millis) {
    return new WindowSummary(0, 0, 1, millis, 0, 0, new long[0]);
  }

  /** One breach. */
  public static WindowSummary breach() {
    return new WindowSummary(0, 0, 0, 0, 1, 0, new long[0]);
  }

  /** One page; {@code lateness} is null when no timer fired it. */
  public static WindowSummary page(Long lateness) {
    long[] counts = lateness == null ? new long[0] : LatenessBuckets.add(new long[0], lateness);
    return new WindowSummary(0, 0, 0, 0, 0, 1, counts);
  }

  /** This summary and {@code other} together (a tick, being empty, changes nothing). */
  public WindowSummary merge(WindowSummary other) {
    if (other.isEmpty()) {
      return this;
    }
    return new WindowSummary(
        acknowledged + other.acknowledged,
        acknowledgeSum + other.acknowledgeSum,
        resolved + other.resolved,
        resolveSum + other.resolveSum,
        breaches + other.breaches,
        escalations + other.escalations,
        LatenessBuckets.merge(lateness, other.lateness));
  }

  /**
   * The summary event of window [{@code start}, {@code end}) for the {@code serviceId/priority}
   * key: means rounded to the millisecond, null where nothing was measured.
   */
  public SlaEvent summarized(String key, SlaWindow window, Instant start, Instant end) {
    String service = Measurements.serviceOf(key);
    String priority = Measurements.priorityOf(key);
    return SlaEvent.newBuilder()
        .setEventId(service + "/sla/" + window + "/" + priority + "/" + start)
        .setServiceId(service)
        .setOccurredAt(end)
        .setEvent(
            SlaWindowSummarized.newBuilder()
                .setPriority(Priority.valueOf(priority))
                .setWindow(window)
                .setWindowStart(start)
                .setWindowEnd(end)
                .setAcknowledged(acknowledged)
                .setMttaMillis(mean(acknowledgeSum, acknowledged))
                .setResolved(resolved)
                .setMttrMillis(mean(resolveSum, resolved))
                .setBreaches(breaches)
                .setEscalations(escalations)
                .setLatenessP50Millis(LatenessBuckets.percentile(lateness, 50))
                .setLatenessP99Millis(LatenessBuckets.percentile(lateness, 99))
                .build())
        .build();
  }

  private static Long mean(long sum, int count) {
    return count == 0 ? null : Math.round((double) sum / count);
  }
}
