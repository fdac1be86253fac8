package io.vigil.ticketstore.status;

import io.vigil.config.Service.MaintenanceWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A public service's daily history (UTC days): each day's worst state, moment by moment by the same
 * rule as the current state, and its uptime, the share of the day (of today: so far) without an
 * open critical incident, floored to two decimals so that an outage never rounds up to 100%.
 */
public final class StatusHistory {

  /** The days of history the status page shows, today included. */
  public static final int DAYS = 90;

  private StatusHistory() {}

  /** An incident open from {@code start} until {@code end} (null: still open), of a class. */
  public record Span(Instant start, Instant end, String incidentClass) {}

  /** One day: its worst state and its uptime in percent. */
  public record Day(LocalDate date, ServiceState state, double uptime) {}

  /** The history with its overall uptime over the whole range. */
  public record History(List<Day> days, double uptime) {}

  /**
   * The {@code days} UTC days up to and including the day of {@code now}, oldest first, from the
   * service's incidents and maintenance windows.
   */
  public static History of(
      List<Span> incidents, List<MaintenanceWindow> maintenance, Instant now, int days) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Day> result = new ArrayList<>(days);
    long totalMillis = 0;
    long totalDown = 0;
    for (LocalDate date = today.minusDays(days - 1L);
        !date.isAfter(today);
        date = date.plusDays(1)) {
      Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = min(from.plus(Duration.ofDays(1)), now);
      long[] down = new long[1];
      ServiceState worst = worstState(incidents, maintenance, from, to, down);
      long length = Math.max(Duration.between(from, to).toMillis(), 0);
      totalMillis += length;
      totalDown += down[0];
      result.add(new Day(date, worst, uptime(down[0], length)));
    }
    return new History(List.copyOf(result), uptime(totalDown, totalMillis));
  }

  /**
   * The worst state within {@code [from, to)}, adding the time in {@link ServiceState#MAJOR_OUTAGE}
   * to {@code down[0]}.
   */
  private static ServiceState worstState(
      List<Span> incidents,
      List<MaintenanceWindow> maintenance,
      Instant from,
      Instant to,
      long[] down) {
    if (!from.isBefore(to)) {
      return ServiceState.OPERATIONAL;
    }
    // The state only changes where an incident or a window starts or ends.
    TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
    for (Span s : incidents) {
      cut(cuts, s.start(), from, to);
      cut(cuts, s.end(), from, to);
    }
    for (MaintenanceWindow w : maintenance) {
      if (w.start() != null && w.end() != null) {
        cut(cuts, w.start().toInstant(), from, to);
        cut(cuts, w.end().toInstant(), from, to);
      }
    }
    ServiceState worst = ServiceState.OPERATIONAL;
    Instant segmentStart = null;
    for (Instant cut : cuts) {
      if (segmentStart != null) {
        ServiceState state = stateAt(incidents, maintenance, segmentStart);
        worst = worst.worst(state);
        if (state == ServiceState.MAJOR_OUTAGE) {
          down[0] += Duration.between(segmentStart, cut).toMillis();
        }
      }
      segmentStart = cut;
    }
    return worst;
  }

  private static ServiceState stateAt(
      List<Span> incidents, List<MaintenanceWindow> maintenance, Instant at) {
    List<String> open =
        incidents.stream()
            .filter(s -> !at.isBefore(s.start()) && (s.end() == null || at.isBefore(s.end())))
            .map(Span::incidentClass)
            .toList();
    boolean inMaintenance =
        maintenance.stream()
            .anyMatch(
                w ->
                    w.start() != null
                        && w.end() != null
                        && !at.isBefore(w.start().toInstant())
                        && at.isBefore(w.end().toInstant()));
    return ServiceState.derive(inMaintenance, open);
  }

  private static void cut(TreeSet<Instant> cuts, Instant at, Instant from, Instant to) {
    if (at != null && at.isAfter(from) && at.isBefore(to)) {
      cuts.add(at);
    }
  }

  /** Percent of {@code length} not down, floored to two decimals; 100 for an empty length. */
  static double uptime(long down, long length) {
    if (length <= 0) {
      return 100.0;
    }
    return Math.floorDiv((length - down) * 10_000, length) / 100.0;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
