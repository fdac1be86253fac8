package io.vigil.escalation.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A schedule's wall clock that never runs backwards: in the hour repeated when daylight saving ends
 * it stands still just before the end of that hour, so every local hand-off time is reached exactly
 * once, at the first instant the wall clock shows it (a time skipped when daylight saving starts is
 * reached at the change itself).
 */
public final class LocalClock {

  private final ZoneId zone;
  private final ZoneRules rules;

  public LocalClock(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The wall-clock reading at {@code at}, held still during the second pass of a repeated hour. */
  public LocalDateTime localAt(Instant at) {
    ZoneOffsetTransition last = rules.previousTransition(at.plusNanos(1));
    if (last != null
        && last.isOverlap()
        && at.isBefore(last.getInstant().plus(last.getDuration().abs()))) {
      return last.getDateTimeBefore().minusNanos(1);
    }
    return LocalDateTime.ofInstant(at, zone);
  }

  /** The first instant at which {@link #localAt} reaches {@code local}. */
  public Instant instantOf(LocalDateTime local) {
    if (rules.getValidOffsets(local).isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    return local.atZone(zone).toInstant(); // the earlier offset of a repeated hour
  }
}
