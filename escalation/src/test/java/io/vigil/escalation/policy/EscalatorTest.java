package io.vigil.escalation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.EscalationPolicy;
import io.vigil.config.EscalationPolicy.Level;
import io.vigil.config.EscalationPolicy.Target;
import io.vigil.config.VigilConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalatorTest {

  private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
  private static final VigilConfig NO_TEAMS =
      new VigilConfig("vigil/v1", null, null, null, null, null, null);
  private static final Escalator ESCALATOR = new Escalator(new TargetResolver(NO_TEAMS));

  @Test
  void stepsWalkTheLevelsThenRepeatThenStop() {
    EscalationPolicy p = policy(1, level("a", "5m"), level("b", null));

    assertThat(Escalator.next(p, new Step(1, 1))).isEqualTo(new Step(2, 1));
    assertThat(Escalator.next(p, new Step(2, 1))).isEqualTo(new Step(1, 2));
    assertThat(Escalator.next(p, new Step(2, 2))).isNull();
  }

  @Test
  void aLevelWithoutItsOwnTimeoutWaitsAsLongAsTheLevelBeforeIt() {
    EscalationPolicy p = policy(1, level("a", "5m"), level("b", "10m"), level("c", null));

    assertThat(Escalator.waitAfter(p, 1)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Escalator.waitAfter(p, 3)).isEqualTo(Duration.ofMinutes(10));
    assertThat(Escalator.waitAfter(policy(1, level("a", null)), 1))
        .isEqualTo(Escalator.DEFAULT_WAIT);
  }

  @Test
  void timeoutOfTheLastLevelStartsTheNextRoundAsARepeat() {
    EscalationPolicy p = policy(1, level("a", "5m"), level("b", "10m"));

    Escalator.Outcome o = ESCALATOR.timeout(p, new Step(2, 1), NOW);

    assertThat(o.skipped()).isEmpty();
    assertThat(o.fired())
        .isEqualTo(
            new Escalator.Fired(
                new Step(1, 2),
                Reason.REPEAT,
                List.of(new PagedUser("a", null)),
                NOW.plus(Duration.ofMinutes(5))));
  }

  @Test
  void aPolicyWhoseLevelsAllResolveToNobodySkipsEachOnceAndStops() {
    EscalationPolicy p =
        new EscalationPolicy(
            "p",
            null,
            3,
            List.of(
                new Level(
                    List.of(new Target(null, null, "no-such-team")), Duration.ofMinutes(5), false),
                new Level(List.of(new Target(null, null, "no-such-team")), null, false)));

    Escalator.Outcome o = ESCALATOR.start(p, NOW);

    assertThat(o.fired()).isNull();
    assertThat(o.skipped())
        .containsExactly(
            new Escalator.Skipped(new Step(1, 1), "nobody to page for team:no-such-team"),
            new Escalator.Skipped(new Step(2, 1), "nobody to page for team:no-such-team"));
  }

  private static EscalationPolicy policy(int repeat, Level... levels) {
    return new EscalationPolicy("p", null, repeat, List.of(levels));
  }

  private static Level level(String user, String after) {
    return new Level(
        List.of(new Target(user, null, null)),
        after == null ? null : io.vigil.config.Durations.parse(after),
        false);
  }
}
