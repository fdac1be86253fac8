package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.vigil.escalation.timer.EscalationMetrics;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every paging path besides open → timeout → cancel, driven by advancing wall-clock time. */
class PagingPathsTopologyTest {

  /** A Wednesday, 11:00 in Berlin: inside the ops service's support hours. */
  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  @TempDir Path state;
  private EscalationDriver d;

  @AfterEach
  void stop() {
    d.close();
  }

  private EscalationDriver start(Instant at) {
    d = new EscalationDriver(TestConfigs.PATHS, at, state);
    return d;
  }

  private static String at(Duration after) {
    return T0.plus(after).toString();
  }

  @Test
  void snoozeHoldsPagingUntilTheGivenTimeThenPagesTheSameLevelAgain() {
    start(T0).open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.advance(Duration.ofMinutes(2));
    Instant until = T0.plus(Duration.ofHours(1));
    d.send(
        "inc",
        "ops",
        "snoozed",
        IncidentSnoozed.newBuilder().setActor("alice").setUntil(until).build());
    assertThat(d.escalations.readValuesToList())
        .extracting(EscalationEvent::getEventId, e -> e.getEvent())
        .last()
        .isEqualTo(
            org.assertj.core.groups.Tuple.tuple(
                "inc/cancelled",
                EscalationCancelled.newBuilder()
                    .setReason("snoozed by alice until " + until)
                    .build()));

    d.advance(Duration.ofMinutes(58).minusMillis(100));
    assertThat(d.escalations.isEmpty()).as("nothing while snoozed").isTrue();
    d.advance(Duration.ofMillis(100));
    assertThat(d.fired())
        .containsExactly(
            "inc/L1/R1/E1 SNOOZE_ENDED [alice] at "
                + until
                + " next "
                + at(Duration.ofMinutes(65))
                + " due "
                + until);
    d.advance(Duration.ofMinutes(5));
    assertThat(d.fired())
        .containsExactly(
            "inc/L2/R1/E1 TIMEOUT [bob] at "
                + at(Duration.ofMinutes(65))
                + " next "
                + at(Duration.ofMinutes(75))
                + " due "
                + at(Duration.ofMinutes(65)));
  }

  @Test
  void escalateNowPagesTheNextLevelAtOnceAndTheOldTimerNeverFires() {
    start(T0).open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.fired();
    d.advance(Duration.ofMinutes(1));
    d.send("inc", "ops", "escalate", EscalationRequested.newBuilder().setActor("alice").build());
    assertThat(d.fired())
        .containsExactly(
            "inc/L2/R1/E1 MANUAL [bob] at "
                + at(Duration.ofMinutes(1))
                + " next "
                + at(Duration.ofMinutes(11)));
    d.advance(Duration.ofMinutes(4));
    assertThat(d.escalations.isEmpty()).as("level 1's 5-minute timer was replaced").isTrue();
    d.advance(Duration.ofMinutes(6));
    assertThat(d.fired())
        .containsExactly(
            "inc/L3/R1/E1 TIMEOUT [carol] at "
                + at(Duration.ofMinutes(11))
                + " next null due "
                + at(Duration.ofMinutes(11)));
    d.send(
        "inc", "ops", "escalate-again", EscalationRequested.newBuilder().setActor("bob").build());
    assertThat(d.fired())
        .as("at the last level, escalate now pages the last level again")
        .containsExactly(
            "inc/L3/R1/E2 MANUAL [carol] at " + at(Duration.ofMinutes(11)) + " next null");
  }

  @Test
  void reassignPagesTheNewAssigneeAndEscalationGoesOnIfUnanswered() {
    start(T0).open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.fired();
    d.advance(Duration.ofMinutes(1));
    d.send(
        "inc",
        "ops",
        "reassigned",
        IncidentReassigned.newBuilder().setActor("alice").setUserId("dave").build());
    assertThat(d.fired())
        .containsExactly(
            "inc/L1/R1/E1 REASSIGNED [dave] at "
                + at(Duration.ofMinutes(1))
                + " next "
                + at(Duration.ofMinutes(6)));
    d.advance(Duration.ofMinutes(5));
    assertThat(d.fired())
        .containsExactly(
            "inc/L2/R1/E1 TIMEOUT [bob] at "
                + at(Duration.ofMinutes(6))
                + " next "
                + at(Duration.ofMinutes(16))
                + " due "
                + at(Duration.ofMinutes(6)));
  }

  @Test
  void anAcknowledgedIncidentStillOpenAfterTheAcknowledgeTimeoutIsPagedAgain() {
    start(T0).open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.fired();
    d.advance(Duration.ofMinutes(1));
    d.send("inc", "ops", "ack", IncidentAcknowledged.newBuilder().setActor("alice").build());
    assertThat(d.fired())
        .containsExactly("inc/cancelled EscalationCancelled at " + at(Duration.ofMinutes(1)));
    d.advance(Duration.ofMinutes(30).minusMillis(100));
    assertThat(d.escalations.isEmpty()).isTrue();
    d.advance(Duration.ofMillis(100));
    assertThat(d.fired())
        .containsExactly(
            "inc/L1/R1/E1 ACK_TIMEOUT [alice] at "
                + at(Duration.ofMinutes(31))
                + " next "
                + at(Duration.ofMinutes(36))
                + " due "
                + at(Duration.ofMinutes(31)));
    d.send("inc", "ops", "ack-2", IncidentAcknowledged.newBuilder().setActor("alice").build());
    assertThat(d.fired())
        .containsExactly("inc/cancelled/2 EscalationCancelled at " + at(Duration.ofMinutes(31)));
  }

  @Test
  void aHigherPriorityRepagesLevelOneAndALowerOneChangesNothing() {
    start(T0).open("inc", "ops", Priority.P3, Urgency.HIGH);
    d.fired();
    d.advance(Duration.ofMinutes(1));
    d.send("inc", "ops", "lower", reclassified(Priority.P4, Urgency.HIGH));
    assertThat(d.escalations.isEmpty()).isTrue();
    d.send("inc", "ops", "higher", reclassified(Priority.P1, Urgency.HIGH));
    assertThat(d.escalations.readValuesToList())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(EscalationDriver.describe(e))
                  .isEqualTo(
                      "inc/L1/R1/E1 RECLASSIFIED [alice] at "
                          + at(Duration.ofMinutes(1))
                          + " next "
                          + at(Duration.ofMinutes(6)));
              assertThat(((io.vigil.schemas.EscalationFired) e.getEvent()).getPriority())
                  .isEqualTo(Priority.P1);
            });
  }

  @Test
  void aRoundRobinLevelPagesTheTeamOnePersonPerIncidentInTurn() {
    start(T0);
    for (int i = 1; i <= 4; i++) {
      d.open("inc-" + i, "rr", Priority.P1, Urgency.HIGH);
    }
    assertThat(d.fired())
        .extracting(line -> line.substring(0, line.indexOf(" at ")))
        .containsExactly(
            "inc-1/L1/R1 INITIAL [alice]",
            "inc-2/L1/R1 INITIAL [bob]",
            "inc-3/L1/R1 INITIAL [carol]",
            "inc-4/L1/R1 INITIAL [alice]");
  }

  @Test
  void lowUrgencyOutsideSupportHoursWaitsForTheirStart() {
    Instant saturday = Instant.parse("2026-03-07T10:00:00Z");
    start(saturday).open("inc", "ops", Priority.P4, Urgency.LOW);
    assertThat(d.escalations.isEmpty()).isTrue();
    d.advance(Duration.between(saturday, Instant.parse("2026-03-09T08:00:00Z")).minusMillis(100));
    assertThat(d.escalations.isEmpty()).as("nothing before Monday 09:00 Berlin").isTrue();
    d.advance(Duration.ofMillis(100));
    assertThat(d.fired())
        .containsExactly(
            "inc/L1/R1 SUPPORT_HOURS [alice] at 2026-03-09T08:00:00Z next 2026-03-09T08:05:00Z"
                + " due 2026-03-09T08:00:00Z");
  }

  @Test
  void aWaitingLowUrgencyIncidentRaisedToHighUrgencyIsPagedAtOnce() {
    Instant saturday = Instant.parse("2026-03-07T10:00:00Z");
    start(saturday).open("inc", "ops", Priority.P4, Urgency.LOW);
    d.advance(Duration.ofMinutes(3));
    d.send("inc", "ops", "raised", reclassified(Priority.P4, Urgency.HIGH));
    assertThat(d.fired())
        .containsExactly(
            "inc/L1/R1/E1 RECLASSIFIED [alice] at 2026-03-07T10:03:00Z next 2026-03-07T10:08:00Z");
    d.advance(Duration.ofMinutes(5));
    d.advance(Duration.ofMinutes(10));
    assertThat(d.fired())
        .extracting(l -> l.substring(0, l.indexOf(" at ")))
        .containsExactly("inc/L2/R1/E1 TIMEOUT [bob]", "inc/L3/R1/E1 TIMEOUT [carol]");
  }

  @Test
  void everyFiredTimerRecordsHowLateItFired() {
    start(T0).open("inc", "ops", Priority.P4, Urgency.HIGH);
    d.advance(Duration.ofMinutes(5).plusMillis(40));
    assertThat(d.fired())
        .as("the page says when it was due and when it fired")
        .containsExactly(
            "inc/L1/R1 INITIAL [alice] at " + T0 + " next " + at(Duration.ofMinutes(5)),
            "inc/L2/R1 TIMEOUT [bob] at "
                + at(Duration.ofMinutes(5).plusMillis(40))
                + " next "
                + at(Duration.ofMinutes(15).plusMillis(40))
                + " due "
                + at(Duration.ofMinutes(5)));
    Timer lateness = d.meters.get(EscalationMetrics.LATENESS).tag("kind", "STEP").timer();
    assertThat(lateness.count()).isEqualTo(1);
    assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
  }

  private static IncidentReclassified reclassified(Priority p, Urgency u) {
    return IncidentReclassified.newBuilder()
        .setSeverity(Severity.CRITICAL)
        .setPriority(p)
        .setIncidentClass(IncidentClass.CRITICAL)
        .setUrgency(u)
        .build();
  }
}
