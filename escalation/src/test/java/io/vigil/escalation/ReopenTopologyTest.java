package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentFlapping;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.Urgency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reopened incident is paged again from level 1 of its policy (reason {@code INITIAL}, new event
 * ids), unless it is flapping; its response times stay the first ones.
 */
class ReopenTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  private EscalationDriver d;

  @BeforeEach
  void start(@TempDir Path state) {
    d = new EscalationDriver(TestConfigs.PATHS, T0, state);
  }

  @AfterEach
  void stop() {
    d.close();
  }

  private static String at(Duration after) {
    return T0.plus(after).toString();
  }

  @Test
  void aReopenedIncidentIsPagedFromLevelOneAgainAndEscalatesAsBefore() {
    d.open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.advance(Duration.ofMinutes(6));
    d.send("inc", "ops", "resolved", IncidentResolved.newBuilder().setActor("bob").build());
    d.fired();
    d.advance(Duration.ofMinutes(14));
    d.send("inc", "ops", "reopened", reopened("reopened by alice: the fix did not hold"));
    assertThat(d.fired())
        .containsExactly(
            "inc/L1/R1/E1 INITIAL [alice] at "
                + at(Duration.ofMinutes(20))
                + " next "
                + at(Duration.ofMinutes(25)));
    d.advance(Duration.ofMinutes(5));
    assertThat(d.fired())
        .containsExactly(
            "inc/L2/R1/E1 TIMEOUT [bob] at "
                + at(Duration.ofMinutes(25))
                + " next "
                + at(Duration.ofMinutes(35))
                + " due "
                + at(Duration.ofMinutes(25)));
    d.send("inc", "ops", "ack", IncidentAcknowledged.newBuilder().setActor("bob").build());
    d.send("inc", "ops", "resolved-2", IncidentResolved.newBuilder().setActor("bob").build());
    assertThat(d.fired())
        .containsExactly("inc/cancelled/2 EscalationCancelled at " + at(Duration.ofMinutes(25)));
    assertThat(d.slaEvents())
        .as("times to acknowledge and resolve are measured once, from the first opening")
        .extracting(SlaEvent::getEventId)
        .containsExactly("inc/sla/tta-breached", "inc/sla/tta", "inc/sla/ttr");
  }

  @Test
  void aFlappingIncidentIsNotPagedWhenItReopens() {
    d.open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.advance(Duration.ofMinutes(1));
    d.send("inc", "ops", "resolved", IncidentResolved.newBuilder().setActor("bob").build());
    d.fired();
    d.advance(Duration.ofMinutes(1));
    // as the classifier reopens past its flap limit: reopened, then marked flapping
    d.send(
        "inc", "ops", "reopened", reopened("flapping: 4 resolve/trigger transitions within 30m"));
    d.send(
        "inc",
        "ops",
        "flapping",
        IncidentFlapping.newBuilder().setFlapCount(4).setAlertEventId("a9").build());
    d.advance(Duration.ofMinutes(10));
    assertThat(d.escalations.isEmpty()).as("no page, now or later").isTrue();

    d.send("inc", "ops", "resolved-2", IncidentResolved.newBuilder().setActor("bob").build());
    d.send("inc", "ops", "reopened-2", reopened("alert re-triggered"));
    d.advance(Duration.ofMinutes(10));
    assertThat(d.escalations.isEmpty()).as("once flapping, a reopen never pages").isTrue();
    d.send("inc", "ops", "escalate", EscalationRequested.newBuilder().setActor("bob").build());
    assertThat(d.fired())
        .as("it is still escalating: a human can page it")
        .containsExactly(
            "inc/L2/R1/E3 MANUAL [bob] at "
                + at(Duration.ofMinutes(22))
                + " next "
                + at(Duration.ofMinutes(32)));
  }

  @Test
  void aResolvedIncidentIgnoresCommandsAndIsForgottenAfterTheRetention() {
    d.open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.send("inc", "ops", "resolved", IncidentResolved.newBuilder().setActor("bob").build());
    d.fired();
    d.send("inc", "ops", "escalate", EscalationRequested.newBuilder().setActor("bob").build());
    assertThat(d.escalations.isEmpty()).as("escalate now on a resolved incident").isTrue();

    d.advance(Duration.ofDays(7));
    d.send("inc", "ops", "reopened", reopened("reopened by alice"));
    assertThat(d.escalations.isEmpty()).as("seven days on it is forgotten").isTrue();
  }

  private static IncidentReopened reopened(String reason) {
    return IncidentReopened.newBuilder().setReason(reason).build();
  }
}
