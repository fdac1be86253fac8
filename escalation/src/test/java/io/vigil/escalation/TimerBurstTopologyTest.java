package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.vigil.escalation.timer.EscalationMetrics;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many steps due at one instant (a mass snooze ending) fire once each, at most {@code
 * maxFiresPerTick} per punctuation and the rest at the following ticks, in key order.
 */
class TimerBurstTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");
  private static final int INCIDENTS = 25;

  private EscalationDriver d;

  @AfterEach
  void stop() {
    d.close();
  }

  @Test
  void aMassSnoozeEndingFiresEveryStepOnceAtMostTenPerTick(@TempDir Path state) {
    d =
        new EscalationDriver(
            () -> TestConfigs.PATHS, T0, state, EscalationOptions.DEFAULTS.withMaxFiresPerTick(10));
    Instant until = T0.plus(Duration.ofMinutes(30));
    for (int i = 0; i < INCIDENTS; i++) {
      d.open(id(i), "ops", Priority.P4, Urgency.HIGH); // P4: no SLA timers in the way
    }
    d.advance(Duration.ofMinutes(1));
    for (int i = 0; i < INCIDENTS; i++) {
      d.send(
          id(i),
          "ops",
          "snoozed",
          IncidentSnoozed.newBuilder().setActor("noc").setUntil(until).build());
    }
    d.escalations.readValuesToList();

    d.advance(Duration.ofMinutes(29));
    List<EscalationEvent> first = d.escalations.readValuesToList();
    d.advance(Duration.ofMillis(100));
    List<EscalationEvent> second = d.escalations.readValuesToList();
    d.advance(Duration.ofMillis(100));
    List<EscalationEvent> third = d.escalations.readValuesToList();
    d.advance(Duration.ofMinutes(1));
    assertThat(d.escalations.isEmpty()).as("none fires twice").isTrue();

    assertThat(first).as("the first tick").hasSize(10);
    assertThat(second).as("the next tick").hasSize(10);
    assertThat(third).as("the remainder").hasSize(5);
    List<EscalationEvent> all = Stream.of(first, second, third).flatMap(List::stream).toList();
    assertThat(all)
        .extracting(EscalationEvent::getEventId)
        .as("each incident paged once, in the order of the timers' keys")
        .containsExactlyElementsOf(
            IntStream.range(0, INCIDENTS).mapToObj(i -> id(i) + "/L1/R1/E1").toList());
    assertThat(all)
        .extracting(e -> (EscalationFired) e.getEvent())
        .allSatisfy(
            f -> {
              assertThat(f.getReason()).isEqualTo(EscalationReason.SNOOZE_ENDED);
              assertThat(f.getDueAt()).isEqualTo(until);
            });
    assertThat(third.get(0).getOccurredAt()).isEqualTo(until.plusMillis(200));

    Timer lateness = d.meters.get(EscalationMetrics.LATENESS).tag("kind", "SNOOZE_END").timer();
    assertThat(lateness.count()).isEqualTo(INCIDENTS);
    assertThat(lateness.totalTime(TimeUnit.MILLISECONDS))
        .as("10 on time, 10 a tick late, 5 two ticks late")
        .isEqualTo(10 * 100.0 + 5 * 200.0);
  }

  private static String id(int i) {
    return String.format("inc-%02d", i);
  }
}
