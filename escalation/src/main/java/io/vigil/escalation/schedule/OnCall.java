package io.vigil.escalation.schedule;

import io.vigil.config.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is on call for a schedule at an instant: an override covers everything, else the last layer
 * that has someone then; a layer rotates its users every shift from its start, in local time of the
 * schedule's zone, so whole-day shifts hand off at the same wall-clock time across DST changes.
 */
public final class OnCall {

  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private OnCall() {}

  /** The user on call for {@code schedule} at {@code at}, or empty when nobody is. */
  public static Optional<String> at(Schedule schedule, Instant at) {
    ZoneId zone = ZoneId.of(schedule.timeZone());
    for (Schedule.Override o : schedule.overrides()) {
      Instant start = o.start().atZone(zone).toInstant();
      Instant end = o.end().atZone(zone).toInstant();
      if (!at.isBefore(start) && at.isBefore(end)) {
        return Optional.of(o.user());
      }
    }
    List<Schedule.Layer> layers = schedule.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<String> user = layerAt(layers.get(i), zone, at);
      if (user.isPresent()) {
        return user;
      }
    }
    return Optional.empty();
  }

  /** The user of one layer at {@code at}: nobody before its start or outside its restrictions. */
  static Optional<String> layerAt(Schedule.Layer layer, ZoneId zone, Instant at) {
    if (layer.users().isEmpty()) {
      return Optional.empty();
    }
    ZonedDateTime start = layer.start().atZone(zone);
    ZonedDateTime now = at.atZone(zone);
    if (now.isBefore(start) || !withinRestrictions(layer.restrictions(), now)) {
      return Optional.empty();
    }
    long shiftMs = layer.shift().toMillis();
    long shifts;
    if (shiftMs % DAY_MS == 0) {
      // Date units count on the local time-line: 09:00 to 09:00 the next day is one day, DST or
      // not.
      shifts = ChronoUnit.DAYS.between(start, now) / (shiftMs / DAY_MS);
    } else {
      shifts = Duration.between(start.toInstant(), at).toMillis() / shiftMs;
    }
    return Optional.of(layer.users().get((int) (shifts % layer.users().size())));
  }

  private static boolean withinRestrictions(
      List<Schedule.Restriction> restrictions, ZonedDateTime now) {
    if (restrictions.isEmpty()) {
      return true;
    }
    String day = dayName(now.getDayOfWeek());
    int minute = now.getHour() * 60 + now.getMinute();
    for (Schedule.Restriction r : restrictions) {
      if (!r.days().isEmpty() && !r.days().contains(day)) {
        continue;
      }
      int from = minuteOfDay(r.from(), 0);
      int to = minuteOfDay(r.to(), 24 * 60);
      boolean inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
      if (inside) {
        return true;
      }
    }
    return false;
  }

  private static String dayName(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  /** Minutes since midnight of {@code HH:MM} ({@code 24:00} is the end of the day). */
  private static int minuteOfDay(String time, int absent) {
    if (time == null || time.isBlank()) {
      return absent;
    }
    String[] parts = time.split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }
}
