package io.vigil.notifier.storm;

import io.vigil.config.Durations;
import io.vigil.notifier.page.ScheduledStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * At most one message per user per channel per interval: the first opens a window and is sent, the
 * rest are folded into it; when the window ends the folded ones become one digest ("and 12 more
 * incidents on payments"), which opens the next window. An interval of 0 turns this off. Pure: the
 * windows live in the step scheduler's changelogged store, so a restart forgets no count.
 */
public final class StormDigest {

  /** What {@link #admit} decided, and the window to store (null: none). */
  public record Admission(ScheduledStep step, StormWindow window) {

    /** Whether the step goes out (rather than being folded). */
    public boolean sends() {
      return step.suppressed() == null;
    }
  }

  /** What {@link #flush} made of an ended window: maybe a digest, and the next window (or none). */
  public record Flush(Optional<ScheduledStep> digest, StormWindow next) {}

  private final Duration interval;

  public StormDigest(Duration interval) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException(
          "vigil.notifier.delivery.digest-interval must be 0 or more, e.g. 1m (0s turns it off)");
    }
    this.interval = interval;
  }

  /** Whether digests are on (the interval is not 0). */
  public boolean isOn() {
    return !interval.isZero();
  }

  /** The store key of a user's window on a channel: {@code <user id>|<channel>}. */
  public static String keyOf(String userId, String channel) {
    return userId + "|" + channel;
  }

  /**
   * Decides whether {@code step} (over {@code channel}) is sent or folded, given its user's open
   * window on that channel ({@code window}, null when none is open or it has ended and was
   * flushed).
   */
  public Admission admit(StormWindow window, ScheduledStep step, String channel, long nowMillis) {
    if (!isOn() || step.digest() != null) {
      return new Admission(step, window);
    }
    if (window == null) {
      return new Admission(
          step, StormWindow.openedBy(step.attemptId(), nowMillis + interval.toMillis()));
    }
    if (window.decided(step.attemptId())) {
      // Seen before (a replay): hand it over as it is and let the delivery log decide.
      return new Admission(step, window);
    }
    String why =
        "storm: "
            + step.userId()
            + " already got a "
            + channel
            + " message in the last "
            + Durations.format(interval)
            + "; folded into the next digest";
    return new Admission(step.suppressedBecause(why), window.folding(step));
  }

  /** Ends {@code window}: the digest of what was folded, which opens the next window. */
  public Flush flush(StormWindow window, long nowMillis) {
    if (window.latest() == null) {
      return new Flush(Optional.empty(), null);
    }
    ScheduledStep digest =
        window.latest().asDigest(describe(window.incidentsByService()), nowMillis);
    return new Flush(
        Optional.of(digest),
        StormWindow.openedBy(digest.attemptId(), nowMillis + interval.toMillis()));
  }

  /** {@code and 12 more incidents on payments} or {@code and 4 more incidents: 3 on a, 1 on b}. */
  static String describe(Map<String, List<String>> incidentsByService) {
    int total = incidentsByService.values().stream().mapToInt(List::size).sum();
    String head = "and " + total + " more " + (total == 1 ? "incident" : "incidents");
    if (incidentsByService.size() == 1) {
      return head + " on " + incidentsByService.keySet().iterator().next();
    }
    return head
        + ": "
        + incidentsByService.entrySet().stream()
            .map(e -> e.getValue().size() + " on " + e.getKey())
            .collect(Collectors.joining(", "));
  }
}
