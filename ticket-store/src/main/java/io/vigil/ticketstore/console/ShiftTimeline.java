package io.vigil.ticketstore.console;

import io.vigil.ticketstore.oncall.OnCallController.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws shifts as an SVG timeline {@value #WIDTH} units wide: each shift a bar from its start to
 * its end (clipped to the range), coloured per person, and a tick at every UTC midnight.
 */
final class ShiftTimeline {

  static final int WIDTH = 1400;

  /** Colours with white text at AA contrast, one per person by a stable hash of the id. */
  private static final String[] COLOURS = {
    "#1f5fa8", "#1d6b34", "#8a3ffc", "#a33d00", "#005d5d", "#9f1853", "#4a525c"
  };

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ShiftTimeline() {}

  /** A drawn shift: where it sits and what it says. */
  record Bar(String user, double x, double width, String colour, String label) {}

  /** A day boundary on the axis. */
  record Tick(double x, String label) {}

  static List<Bar> bars(List<Shift> shifts, Instant from, Instant to) {
    List<Bar> bars = new ArrayList<>();
    for (Shift s : shifts) {
      Instant start = s.start().isBefore(from) ? from : s.start();
      Instant end = s.end().isAfter(to) ? to : s.end();
      if (!end.isAfter(start)) {
        continue;
      }
      double x = position(start, from, to);
      bars.add(
          new Bar(
              s.user(),
              x,
              position(end, from, to) - x,
              COLOURS[Math.floorMod(s.user().hashCode(), COLOURS.length)],
              s.user() + ": " + TIME.format(s.start()) + " to " + TIME.format(s.end()) + " UTC"));
    }
    return bars;
  }

  static List<Tick> dayTicks(Instant from, Instant to) {
    List<Tick> ticks = new ArrayList<>();
    Instant day = from.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    for (; day.isBefore(to); day = day.plus(Duration.ofDays(1))) {
      ticks.add(new Tick(position(day, from, to), DAY.format(day)));
    }
    return ticks;
  }

  private static double position(Instant at, Instant from, Instant to) {
    double share =
        (double) Duration.between(from, at).toMillis() / Duration.between(from, to).toMillis();
    return Math.round(share * WIDTH * 10) / 10.0;
  }
}
