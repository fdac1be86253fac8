package io.vigil.escalation.schedule;

import io.vigil.config.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is on call for a schedule at an instant: an override covers everything, else the last layer
 * that has someone then; a layer rotates its users every shift from its start, counted on the
 * schedule's wall clock ({@link LocalClock}), so hand-offs keep their local time across
 * daylight-saving changes.
 */
public final class OnCall {

  private OnCall() {}

  /** The user on call for {@code schedule} at {@code at}, or empty when nobody is. */
  public static Optional<String> at(Schedule schedule, Instant at) {
    LocalDateTime now = new LocalClock(ZoneId.of(schedule.timeZone())).localAt(at);
    for (Schedule.Override o : schedule.overrides()) {
      if (!now.isBefore(o.start()) && now.isBefore(o.end())) {
        return Optional.of(o.user());
      }
    }
    List<Schedule.Layer> layers = schedule.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<String> user = layerAt(layers.get(i), now);
      if (user.isPresent()) {
        return user;
      }
    }
    return Optional.empty();
  }

  /**
   * The user of one layer at local time {@code now}: nobody before its start or outside its
   * windows.
   */
  static Optional<String> layerAt(Schedule.Layer layer, LocalDateTime now) {
    if (layer.users().isEmpty()
        || now.isBefore(layer.start())
        || !withinRestrictions(layer.restrictions(), now)) {
      return Optional.empty();
    }
    long shifts = shiftsSinceStart(layer, now);
    return Optional.of(layer.users().get((int) (shifts % layer.users().size())));
  }

  /** Whole shifts between the layer's start and {@code now} on the wall clock. */
  static long shiftsSinceStart(Schedule.Layer layer, LocalDateTime now) {
    long shiftMs = layer.shift().toMillis();
    return Duration.between(layer.start(), now).toMillis() / shiftMs;
  }

  /** Whether wall-clock time {@code now} is inside one of the windows (no windows: always). */
  static boolean withinRestrictions(List<Schedule.Restriction> restrictions, LocalDateTime now) {
    if (restrictions.isEmpty()) {
      return true;
    }
    for (Schedule.Restriction r : restrictions) {
      int from = minuteOfDay(r.from(), 0);
      int to = minuteOfDay(r.to(), 24 * 60);
      int minute = now.getHour() * 60 + now.getMinute();
      if (from < to) {
        if (dayMatches(r, now.getDayOfWeek()) && minute >= from && minute < to) {
          return true;
        }
      } else if ((dayMatches(r, now.getDayOfWeek()) && minute >= from)
          || (dayMatches(r, now.getDayOfWeek().minus(1)) && minute < to)) {
        return true; // an overnight window belongs to the day it starts on
      }
    }
    return false;
  }

  private static boolean dayMatches(Schedule.Restriction r, DayOfWeek day) {
    return r.days().isEmpty() || r.days().contains(dayName(day));
  }

  static String dayName(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  /** Minutes since midnight of {@code HH:MM} ({@code 24:00} is the end of the day). */
  static int minuteOfDay(String time, int absent) {
    if (time == null || time.isBlank()) {
      return absent;
    }
    String[] parts = time.split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }
}
