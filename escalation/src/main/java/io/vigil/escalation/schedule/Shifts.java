package io.vigil.escalation.schedule;

import io.vigil.config.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The on-call periods of a schedule between two instants: {@link OnCall#at} evaluated at every
 * instant where its answer can change (hand-offs, restriction windows, overrides), with adjacent
 * periods of the same user merged; a time nobody covers has no period.
 */
public final class Shifts {

  /** The longest range one request may cover. */
  public static final Duration MAX_RANGE = Duration.ofDays(93);

  private static final int MAX_BOUNDARIES = 100_000;

  private Shifts() {}

  /** One user on call from {@code start} (inclusive) to {@code end} (exclusive). */
  public record Shift(String user, Instant start, Instant end) {

    public Shift {
      Objects.requireNonNull(user, "user");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a shift ends after it starts: " + start + " " + end);
      }
    }
  }

  /**
   * The periods of {@code schedule} within {@code [from, to)}, in order.
   *
   * @throws IllegalArgumentException when {@code to} is not after {@code from}, the range is longer
   *     than {@link #MAX_RANGE}, or it holds too many hand-offs to list
   */
  public static List<Shift> between(Schedule schedule, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("'to' must be after 'from', got " + from + " and " + to);
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException(
          "the range may cover at most 93 days; ask for " + from + " to " + from.plus(MAX_RANGE));
    }
    LocalClock clock = new LocalClock(ZoneId.of(schedule.timeZone()));
    LocalDateTime lo = clock.localAt(from);
    LocalDateTime hi = clock.localAt(to);
    TreeSet<LocalDateTime> local = new TreeSet<>();
    for (Schedule.Override o : schedule.overrides()) {
      local.add(o.start());
      local.add(o.end());
    }
    for (Schedule.Layer layer : schedule.layers()) {
      handOffs(layer, lo, hi, local);
      for (LocalDate d = lo.toLocalDate().minusDays(1);
          !d.isAfter(hi.toLocalDate());
          d = d.plusDays(1)) {
        for (Schedule.Restriction r : layer.restrictions()) {
          local.add(d.atStartOfDay().plusMinutes(OnCall.minuteOfDay(r.from(), 0)));
          local.add(d.atStartOfDay().plusMinutes(OnCall.minuteOfDay(r.to(), 24 * 60)));
        }
      }
      if (local.size() > MAX_BOUNDARIES) {
        throw new IllegalArgumentException(
            "too many hand-offs in that range; ask for a shorter one");
      }
    }
    TreeSet<Instant> changes = new TreeSet<>();
    changes.add(from);
    for (LocalDateTime b : local.subSet(lo, false, hi, true)) {
      Instant at = clock.instantOf(b);
      if (at.isAfter(from) && at.isBefore(to)) {
        changes.add(at);
      }
    }
    return merge(schedule, new ArrayList<>(changes), to);
  }

  private static void handOffs(
      Schedule.Layer layer, LocalDateTime lo, LocalDateTime hi, TreeSet<LocalDateTime> into) {
    into.add(layer.start());
    long shiftMs = layer.shift().toMillis();
    long first = lo.isAfter(layer.start()) ? OnCall.shiftsSinceStart(layer, lo) : 0;
    for (long k = first; ; k++) {
      LocalDateTime handOff = layer.start().plus(Duration.ofMillis(shiftMs).multipliedBy(k));
      if (handOff.isAfter(hi) || into.size() > MAX_BOUNDARIES) {
        return;
      }
      into.add(handOff);
    }
  }

  private static List<Shift> merge(Schedule schedule, List<Instant> changes, Instant to) {
    List<Shift> shifts = new ArrayList<>();
    String user = null;
    Instant since = null;
    for (int i = 0; i <= changes.size(); i++) {
      Instant at = i < changes.size() ? changes.get(i) : to;
      Optional<String> now = i < changes.size() ? OnCall.at(schedule, at) : Optional.empty();
      String next = now.orElse(null);
      if (i < changes.size() && Objects.equals(next, user)) {
        continue;
      }
      if (user != null) {
        shifts.add(new Shift(user, since, at));
      }
      user = next;
      since = at;
    }
    return shifts;
  }
}
