package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.Priority;
import io.vigil.schemas.ResponseTimeRecorded;
import io.vigil.schemas.SlaBreached;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaMetric;
import io.vigil.schemas.Urgency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Response times and SLA breaches on vigil.sla.v1, keyed by service id, on wall-clock time. */
class SlaTopologyTest {

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

  @Test
  void theAcknowledgeTargetBreachesTheMomentItPasses() {
    d.open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.advance(Duration.ofMinutes(5).minusMillis(100));
    assertThat(d.sla.isEmpty()).isTrue();
    d.advance(Duration.ofMillis(100));
    assertThat(d.sla.readKeyValuesToList())
        .singleElement()
        .satisfies(
            kv -> {
              assertThat(kv.key).isEqualTo("ops");
              assertThat(kv.value)
                  .isEqualTo(
                      event(
                          "inc/sla/tta-breached",
                          T0.plus(Duration.ofMinutes(5)),
                          SlaBreached.newBuilder()
                              .setIncidentId("inc")
                              .setPriority(Priority.P1)
                              .setMetric(SlaMetric.TIME_TO_ACKNOWLEDGE)
                              .setTargetMillis(300_000)
                              .build()));
            });
    d.advance(Duration.ofMinutes(1));
    d.send("inc", "ops", "ack", IncidentAcknowledged.newBuilder().setActor("alice").build());
    assertThat(d.slaEvents())
        .containsExactly(
            event(
                "inc/sla/tta",
                T0.plus(Duration.ofMinutes(6)),
                recorded(SlaMetric.TIME_TO_ACKNOWLEDGE, 360_000)));
  }

  @Test
  void anAcknowledgementInTimeIsRecordedAndOnlyTheResolveTargetCanStillBreach() {
    d.open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.advance(Duration.ofMinutes(3));
    d.send("inc", "ops", "ack", IncidentAcknowledged.newBuilder().setActor("alice").build());
    d.advance(Duration.ofMinutes(57));
    d.send("inc", "ops", "resolved", IncidentResolved.newBuilder().setActor("alice").build());

    assertThat(d.slaEvents())
        .extracting(SlaEvent::getEventId, SlaEvent::getOccurredAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc/sla/tta", T0.plus(Duration.ofMinutes(3))),
            org.assertj.core.groups.Tuple.tuple(
                "inc/sla/ttr-breached", T0.plus(Duration.ofHours(1))),
            org.assertj.core.groups.Tuple.tuple("inc/sla/ttr", T0.plus(Duration.ofHours(1))));
  }

  @Test
  void aResolveWithoutAcknowledgementCountsForBothAndCancelsTheDeadlines() {
    d.open("inc", "ops", Priority.P1, Urgency.HIGH);
    d.advance(Duration.ofMinutes(2));
    d.send("inc", "ops", "resolved", IncidentResolved.newBuilder().setActor("integration").build());
    d.advance(Duration.ofHours(2));
    assertThat(d.slaEvents())
        .containsExactly(
            event(
                "inc/sla/tta",
                T0.plus(Duration.ofMinutes(2)),
                recorded(SlaMetric.TIME_TO_ACKNOWLEDGE, 120_000)),
            event(
                "inc/sla/ttr",
                T0.plus(Duration.ofMinutes(2)),
                recorded(SlaMetric.TIME_TO_RESOLVE, 120_000)));
  }

  @Test
  void aPriorityWithoutTargetsIsMeasuredButNeverBreaches() {
    d.open("inc", "ops", Priority.P5, Urgency.HIGH);
    d.advance(Duration.ofDays(1));
    d.send("inc", "ops", "ack", IncidentAcknowledged.newBuilder().setActor("alice").build());
    assertThat(d.slaEvents()).extracting(SlaEvent::getEventId).containsExactly("inc/sla/tta");
  }

  private static ResponseTimeRecorded recorded(io.vigil.schemas.SlaMetric metric, long millis) {
    return ResponseTimeRecorded.newBuilder()
        .setIncidentId("inc")
        .setPriority(Priority.P1)
        .setMetric(metric)
        .setMillis(millis)
        .build();
  }

  private static SlaEvent event(String id, Instant at, Object payload) {
    return SlaEvent.newBuilder()
        .setEventId(id)
        .setServiceId("ops")
        .setOccurredAt(at)
        .setEvent(payload)
        .build();
  }
}
