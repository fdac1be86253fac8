package io.vigil.notifier.delivery;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.page.Attempt;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At most one message per user per channel per interval: the first opens a window and is sent, the
 * rest are folded; when the window ends the folded ones become one digest ("and 12 more incidents
 * on payments"), which opens the next window. An interval of 0 turns this off.
 */
public final class StormDigest {

  /** Whose messages over which channel share a window. */
  public record Key(String userId, ContactMethod.ContactType channel) {}

  /** One open window: when it started, what was folded into it, the latest folded attempt. */
  private static final class Window {
    long startMillis;
    final Map<String, Set<String>> incidentsByService = new LinkedHashMap<>();
    Attempt latest;

    Window(long startMillis) {
      this.startMillis = startMillis;
    }
  }

  private final Duration interval;
  private final Map<Key, Window> windows = new HashMap<>();

  public StormDigest(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException(
          "vigil.notifier.delivery.digest-interval must be 0 or more");
    }
    this.interval = interval;
  }

  public Duration interval() {
    return interval;
  }

  public static Key keyOf(Attempt attempt) {
    return new Key(attempt.userId(), attempt.contactMethod().type());
  }

  /** Whether {@code attempt} may be sent now, or is folded into its window's digest. */
  public synchronized Admission admit(Attempt attempt, long nowMillis) {
    if (interval.isZero()) {
      return Admission.SEND;
    }
    Key key = keyOf(attempt);
    Window window = windows.get(key);
    if (window == null) {
      windows.put(key, new Window(nowMillis));
      return Admission.OPENED;
    }
    window
        .incidentsByService
        .computeIfAbsent(attempt.page().serviceId(), s -> new LinkedHashSet<>())
        .add(attempt.page().incidentId());
    window.latest = attempt;
    return Admission.FOLDED;
  }

  /**
   * Ends {@code key}'s window: the digest of what was folded, which opens the next window, or empty
   * (and no window) when nothing was folded.
   */
  public synchronized Optional<Attempt> flush(Key key, long nowMillis) {
    Window window = windows.get(key);
    if (window == null) {
      return Optional.empty();
    }
    if (window.latest == null) {
      windows.remove(key);
      return Optional.empty();
    }
    Attempt latest = window.latest;
    String line = describe(window.incidentsByService);
    Window next = new Window(nowMillis);
    windows.put(key, next);
    return Optional.of(
        new Attempt(latest.page(), latest.userId(), latest.contactMethod(), latest.step(), line));
  }

  /** {@code and 12 more incidents on payments} or {@code and 4 more incidents: 3 on a, 1 on b}. */
  static String describe(Map<String, Set<String>> incidentsByService) {
    int total = incidentsByService.values().stream().mapToInt(Set::size).sum();
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

  /** What {@link #admit} decided. */
  public enum Admission {
    /** Send it; it opened a window, whose flush is due after the interval. */
    OPENED,
    /** Send it; digests are off. */
    SEND,
    /** Do not send it; it is counted in the window's digest. */
    FOLDED
  }
}
