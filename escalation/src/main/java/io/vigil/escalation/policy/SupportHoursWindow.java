package io.vigil.escalation.policy;

import io.vigil.config.Service;
import io.vigil.escalation.schedule.LocalClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A service's support hours as instants: whether an instant is inside them, and when they next
 * begin (a window from 22:00 to 06:00 belongs to the day it starts on).
 */
public final class SupportHoursWindow {

  private final Service.SupportHours hours;
  private final LocalClock clock;
  private final int from;
  private final int to;

  public SupportHoursWindow(Service.SupportHours hours) {
    this.hours = hours;
    this.clock = new LocalClock(ZoneId.of(hours.timeZone()));
    this.from = minute(hours.from(), 0);
    this.to = minute(hours.to(), 24 * 60);
  }

  /** Whether {@code at} is inside the support hours. */
  public boolean contains(Instant at) {
    LocalDateTime now = clock.localAt(at);
    LocalDate today = now.toLocalDate();
    for (LocalDate d = today.minusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      if (worksOn(d) && !now.isBefore(start(d)) && now.isBefore(end(d))) {
        return true;
      }
    }
    return false;
  }

  /** The first start of the support hours after {@code at}. */
  public Instant nextStart(Instant at) {
    LocalDateTime now = clock.localAt(at);
    for (LocalDate d = now.toLocalDate();
        d.isBefore(now.toLocalDate().plusDays(8));
        d = d.plusDays(1)) {
      if (worksOn(d) && start(d).isAfter(now)) {
        return clock.instantOf(start(d));
      }
    }
    throw new IllegalStateException("support hours " + hours + " never begin");
  }

  private boolean worksOn(LocalDate day) {
    String name = day.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT);
    return hours.days().isEmpty() || hours.days().contains(name);
  }

  private LocalDateTime start(LocalDate day) {
    return day.atStartOfDay().plusMinutes(from);
  }

  private LocalDateTime end(LocalDate day) {
    return day.atStartOfDay().plusMinutes(to <= from ? to + 24 * 60 : to);
  }

  private static int minute(String time, int absent) {
    if (time == null || time.isBlank()) {
      return absent;
    }
    String[] parts = time.split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }
}
