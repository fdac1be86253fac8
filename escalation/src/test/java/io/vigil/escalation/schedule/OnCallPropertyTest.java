package io.vigil.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Schedule;
import io.vigil.config.Schedule.Layer;
import io.vigil.config.Schedule.Override;
import io.vigil.config.Schedule.Restriction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of random schedules (seeded, so a failure repeats): each layer hands off only at its
 * start plus whole shifts on the local wall clock, and always hands off there when it has two or
 * more users; overrides win; the listed shifts agree with {@link OnCall#at} at every sampled
 * instant and never overlap; the wall clock never runs backwards.
 */
class OnCallPropertyTest {

  private static final long SEED = 20260329L;
  private static final List<String> ZONES =
      List.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Jakarta");
  private static final List<Duration> SHIFTS =
      List.of(
          Duration.ofHours(1),
          Duration.ofMinutes(90),
          Duration.ofHours(8),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7));
  private static final List<String> PEOPLE = List.of("ann", "ben", "cat", "dan", "eve");
  private static final Duration STEP = Duration.ofMinutes(7);

  private final Random random = new Random(SEED);

  @Test
  void randomLayersHandOffOnlyAtTheirLocalHandOffTimes() {
    for (int run = 0; run < 300; run++) {
      ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
      Layer layer = layer(false);
      LocalClock clock = new LocalClock(zone);
      Instant t = windowStart();
      Optional<String> before = OnCall.layerAt(layer, clock.localAt(t));
      for (int i = 0; i < 600; i++) {
        Instant next = t.plus(STEP);
        LocalDateTime from = clock.localAt(t);
        LocalDateTime to = clock.localAt(next);
        assertThat(to).as("the wall clock never runs backwards").isAfterOrEqualTo(from);
        Optional<String> after = OnCall.layerAt(layer, to);
        long handOffs = handOffsBetween(layer, from, to);
        String where = "run " + run + " " + zone + " " + layer + " between " + t + " and " + next;
        if (!before.equals(after)) {
          assertThat(handOffs).as("a change without a hand-off, " + where).isPositive();
        } else if (handOffs == 1 && layer.users().size() > 1 && before.isPresent()) {
          throw new AssertionError("a hand-off without a change, " + where);
        }
        before = after;
        t = next;
      }
    }
  }

  @Test
  void overridesWinAndListedShiftsAgreeWithWhoIsOnCall() {
    for (int run = 0; run < 150; run++) {
      String zone = ZONES.get(random.nextInt(ZONES.size()));
      List<Layer> layers = new ArrayList<>();
      for (int i = random.nextInt(3) + 1; i > 0; i--) {
        layers.add(layer(random.nextInt(3) == 0));
      }
      Instant from = windowStart();
      Instant to = from.plus(Duration.ofDays(4));
      LocalClock clock = new LocalClock(ZoneId.of(zone));
      List<Override> overrides = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        LocalDateTime start = clock.localAt(from.plus(Duration.ofMinutes(random.nextInt(5000))));
        overrides.add(
            new Override(start, start.plusMinutes(30 + random.nextInt(600)), "override-zoe"));
      }
      Schedule schedule = new Schedule("s", null, zone, layers, overrides);
      List<Shifts.Shift> shifts = Shifts.between(schedule, from, to);
      for (int i = 1; i < shifts.size(); i++) {
        assertThat(shifts.get(i).start()).isAfterOrEqualTo(shifts.get(i - 1).end());
      }
      for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
        Optional<String> onCall = OnCall.at(schedule, t);
        Instant at = t;
        Optional<String> listed =
            shifts.stream()
                .filter(s -> !at.isBefore(s.start()) && at.isBefore(s.end()))
                .map(Shifts.Shift::user)
                .findFirst();
        assertThat(listed).as("run " + run + " " + schedule + " at " + t).isEqualTo(onCall);
        LocalDateTime local = clock.localAt(t);
        boolean overridden =
            overrides.stream().anyMatch(o -> !local.isBefore(o.start()) && local.isBefore(o.end()));
        if (overridden) {
          assertThat(onCall).contains("override-zoe");
        }
      }
    }
  }

  /** Hand-offs {@code start + k * shift} (k ≥ 1) in the local interval {@code (from, to]}. */
  private static long handOffsBetween(Layer layer, LocalDateTime from, LocalDateTime to) {
    if (to.isBefore(layer.start())) {
      return 0;
    }
    long a = from.isBefore(layer.start()) ? -1 : OnCall.shiftsSinceStart(layer, from);
    long b = OnCall.shiftsSinceStart(layer, to);
    return b - a;
  }

  private Layer layer(boolean restricted) {
    int users = random.nextInt(4) + 1;
    List<String> people = new ArrayList<>(PEOPLE.subList(0, users));
    java.util.Collections.shuffle(people, random);
    List<Restriction> restrictions =
        restricted
            ? List.of(
                new Restriction(
                    List.of("mon", "tue", "wed", "thu", "fri"),
                    String.format("%02d:00", 6 + random.nextInt(6)),
                    String.format("%02d:30", 14 + random.nextInt(8))))
            : List.of();
    return new Layer(
        LocalDateTime.parse("2026-01-01T00:00")
            .plusMinutes(random.nextInt(60 * 24 * 300) / 30 * 30L),
        SHIFTS.get(random.nextInt(SHIFTS.size())),
        people,
        restrictions);
  }

  /** A start somewhere in 2026, often near a daylight-saving change of one of the zones. */
  private Instant windowStart() {
    List<String> changes =
        List.of(
            "2026-03-27T00:00:00Z",
            "2026-03-06T00:00:00Z",
            "2026-04-03T00:00:00Z",
            "2026-10-02T00:00:00Z",
            "2026-10-23T00:00:00Z",
            "2026-10-30T00:00:00Z");
    Instant base =
        random.nextBoolean()
            ? Instant.parse(changes.get(random.nextInt(changes.size())))
            : Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(8000)));
    return base.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
  }
}
