package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.Urgency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology reads the configuration as it is at each decision: a policy, schedule, SLA target or
 * support hours changed between two incidents applies to the second without a restart, and to the
 * first one's next step.
 */
class LiveConfigTopologyTest {

  /** A Wednesday, 11:00 in Berlin. */
  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  private static final String BEFORE =
      """
      apiVersion: vigil/v1
      users: [ { id: alice }, { id: bob }, { id: carol }, { id: dave } ]
      schedules:
        - id: primary
          timeZone: Europe/Berlin
          layers: [ { start: "2026-03-02T09:00", shift: 1w, users: [alice] } ]
      escalationPolicies:
        - id: ops
          levels:
            - { targets: [ { schedule: primary } ], escalateAfter: 5m }
            - { targets: [ { user: bob } ] }
      services:
        - id: ops
          escalationPolicy: ops
          supportHours: { timeZone: Europe/Berlin, days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
      sla:
        - { priority: P1, acknowledgeWithin: 5m }
      """;

  /** The schedule now has carol, level 2 is dave after 2m, P1 must be acknowledged in 2m. */
  private static final String AFTER =
      BEFORE
          .replace("users: [alice] }", "users: [carol] }")
          .replace("escalateAfter: 5m }", "escalateAfter: 2m }")
          .replace("{ user: bob }", "{ user: dave }")
          .replace("acknowledgeWithin: 5m", "acknowledgeWithin: 2m")
          .replace("from: \"09:00\", to: \"17:00\"", "from: \"12:00\", to: \"17:00\"");

  private EscalationDriver d;

  @AfterEach
  void stop() {
    d.close();
  }

  @Test
  void aChangedPolicyScheduleAndTargetApplyToTheNextDecisionWithoutARestart(@TempDir Path state) {
    AtomicReference<VigilConfig> live = new AtomicReference<>(parse(BEFORE));
    d = new EscalationDriver(live::get, T0, state, EscalationOptions.DEFAULTS);

    d.open("first", "ops", Priority.P1, Urgency.HIGH);
    assertThat(d.fired())
        .containsExactly(
            "first/L1/R1 INITIAL [alice] at " + T0 + " next " + T0.plus(Duration.ofMinutes(5)));

    live.set(parse(AFTER));
    d.advance(Duration.ofMinutes(1));
    d.open("second", "ops", Priority.P1, Urgency.HIGH);
    d.open("quiet", "ops", Priority.P4, Urgency.LOW);
    Instant t1 = T0.plus(Duration.ofMinutes(1));
    assertThat(d.fired())
        .as("the new schedule and level wait; low urgency waits for the new support hours")
        .containsExactly(
            "second/L1/R1 INITIAL [carol] at " + t1 + " next " + t1.plus(Duration.ofMinutes(2)));

    d.advance(Duration.ofMinutes(2));
    assertThat(d.fired())
        .as("the second incident escalates to the new level 2")
        .containsExactly(
            "second/L2/R1 TIMEOUT [dave] at "
                + t1.plus(Duration.ofMinutes(2))
                + " next null due "
                + t1.plus(Duration.ofMinutes(2)));
    assertThat(d.slaEvents())
        .as("the second incident's deadline is the new target's; the first keeps its own")
        .extracting(SlaEvent::getEventId)
        .containsExactly("second/sla/tta-breached");

    d.advance(Duration.ofMinutes(2));
    assertThat(d.fired())
        .as("the first incident's next step is read from the new policy too")
        .containsExactly(
            "first/L2/R1 TIMEOUT [dave] at "
                + T0.plus(Duration.ofMinutes(5))
                + " next null due "
                + T0.plus(Duration.ofMinutes(5)));
    assertThat(d.slaEvents())
        .extracting(SlaEvent::getEventId)
        .containsExactly("first/sla/tta-breached");
  }

  private static VigilConfig parse(String yaml) {
    return VigilConfigLoader.parse(yaml, "test");
  }
}
