package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.Priority;
import io.vigil.schemas.ResponseTimeRecorded;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaWindow;
import io.vigil.schemas.SlaWindowSummarized;
import io.vigil.schemas.Urgency;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hourly and daily summaries of MTTA, MTTR, breaches, pages and their lateness per service and
 * priority, published once per window when its end plus the 5-minute grace has passed.
 */
class SlaWindowsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  @TempDir Path state;
  private EscalationDriver d;

  @AfterEach
  void stop() {
    d.close();
  }

  private static Instant at(String time) {
    return Instant.parse("2026-03-04T" + time + "Z");
  }

  @Test
  void eachClosedWindowSummarizesItsServiceAndPriorityOnce() {
    d = new EscalationDriver(TestConfigs.PATHS, T0, state);
    d.open("a", "ops", Priority.P1, Urgency.HIGH);
    d.open("b", "ops", Priority.P1, Urgency.HIGH);
    d.open("c", "ops", Priority.P3, Urgency.HIGH);
    d.advanceTo(at("10:02:00"));
    d.send("a", "ops", "ack", ack("alice"));
    // due 10:05: b and c to level 2 (150 ms late), b's 5-minute acknowledge target breached
    d.advanceTo(at("10:05:00.150"));
    d.advanceTo(at("10:10:00"));
    d.send("a", "ops", "resolved", resolved("alice"));
    d.send("c", "ops", "ack", ack("bob"));
    // b's level 3, due 10:15:00.150, fires 300 ms late
    d.advanceTo(at("10:15:00.450"));
    d.advanceTo(at("10:20:00"));
    d.send("b", "ops", "ack", ack("carol"));
    d.send("c", "ops", "resolved", resolved("bob"));
    d.advanceTo(at("10:40:00"));
    d.send("b", "ops", "resolved", resolved("carol"));

    d.advanceTo(at("11:04:59.999"));
    assertThat(summaries()).as("the hour is still within its grace").isEmpty();
    d.advanceTo(at("11:05:00"));
    assertThat(d.sla.readKeyValuesToList())
        .containsExactlyInAnyOrder(
            KeyValue.pair(
                "ops",
                summary(
                    Priority.P1,
                    SlaWindow.HOUR,
                    at("10:00:00"),
                    at("11:00:00"),
                    stats(2, 660_000L, 2, 1_500_000L, 1, 4, 150L, 300L))),
            KeyValue.pair(
                "ops",
                summary(
                    Priority.P3,
                    SlaWindow.HOUR,
                    at("10:00:00"),
                    at("11:00:00"),
                    stats(1, 600_000L, 1, 1_200_000L, 0, 2, 150L, 150L))));

    d.advanceTo(at("12:10:00"));
    assertThat(summaries()).as("an hour without measurements is not summarized").isEmpty();
    d.advanceTo(Instant.parse("2026-03-05T00:05:00Z"));
    assertThat(d.sla.readValuesToList())
        .containsExactlyInAnyOrder(
            summary(
                Priority.P1,
                SlaWindow.DAY,
                Instant.parse("2026-03-04T00:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"),
                stats(2, 660_000L, 2, 1_500_000L, 1, 4, 150L, 300L)),
            summary(
                Priority.P3,
                SlaWindow.DAY,
                Instant.parse("2026-03-04T00:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"),
                stats(1, 600_000L, 1, 1_200_000L, 0, 2, 150L, 150L)));
    d.advanceTo(Instant.parse("2026-03-07T00:00:00Z"));
    assertThat(summaries()).as("each window is summarized once").isEmpty();
  }

  /** {@code slow}: one level, two hours; no SLA target for P5. */
  private static final VigilConfig SLOW =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users: [ { id: alice } ]
          escalationPolicies:
            - id: slow
              levels: [ { targets: [ { user: alice } ], escalateAfter: 2h } ]
          services: [ { id: slow, escalationPolicy: slow } ]
          """,
          "test");

  @Test
  void aMeasurementWithinTheGraceStillCountsAndOneAfterTheWindowClosedOnlyInTheDay() {
    d = new EscalationDriver(SLOW, at("10:50:00"), state);
    d.open("e", "slow", Priority.P5, Urgency.HIGH);
    d.open("f", "slow", Priority.P5, Urgency.HIGH);
    d.advanceTo(at("11:02:00"));
    // acknowledged at 10:59, reaching the service 3 minutes late: within the grace
    d.send("e", "slow", "ack", ack("alice"), at("10:59:00"));
    d.advanceTo(at("11:05:00"));
    assertThat(d.sla.readValuesToList())
        .containsExactly(
            response("e", "10:59:00", 540_000),
            summary(
                Priority.P5,
                SlaWindow.HOUR,
                at("10:00:00"),
                at("11:00:00"),
                stats(1, 540_000L, 0, null, 0, 2, null, null)));

    // the same, after the hour's summary went out: still measured, too late for the hour
    d.send("f", "slow", "ack", ack("alice"), at("10:59:00"));
    assertThat(d.sla.readValuesToList()).containsExactly(response("f", "10:59:00", 540_000));
    d.advanceTo(at("12:05:00"));
    assertThat(summaries()).as("the 11:00 hour measured nothing").isEmpty();
    d.advanceTo(Instant.parse("2026-03-05T00:05:00Z"));
    assertThat(summaries())
        .containsExactly(
            summary(
                Priority.P5,
                SlaWindow.DAY,
                Instant.parse("2026-03-04T00:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z"),
                stats(2, 540_000L, 0, null, 0, 2, null, null)));
  }

  private java.util.List<SlaEvent> summaries() {
    return d.sla.readValuesToList().stream()
        .filter(e -> e.getEvent() instanceof SlaWindowSummarized)
        .toList();
  }

  private static IncidentAcknowledged ack(String actor) {
    return IncidentAcknowledged.newBuilder().setActor(actor).build();
  }

  private static IncidentResolved resolved(String actor) {
    return IncidentResolved.newBuilder().setActor(actor).build();
  }

  private static SlaEvent response(String incident, String time, long millis) {
    return SlaEvent.newBuilder()
        .setEventId(incident + "/sla/tta")
        .setServiceId("slow")
        .setOccurredAt(at(time))
        .setEvent(
            ResponseTimeRecorded.newBuilder()
                .setIncidentId(incident)
                .setPriority(Priority.P5)
                .setMetric(io.vigil.schemas.SlaMetric.TIME_TO_ACKNOWLEDGE)
                .setMillis(millis)
                .build())
        .build();
  }

  /** The numbers of a summary, in the schema's order. */
  private record Stats(
      int acknowledged,
      Long mtta,
      int resolved,
      Long mttr,
      int breaches,
      int escalations,
      Long p50,
      Long p99) {}

  private static Stats stats(
      int acknowledged,
      Long mtta,
      int resolved,
      Long mttr,
      int breaches,
      int escalations,
      Long p50,
      Long p99) {
    return new Stats(acknowledged, mtta, resolved, mttr, breaches, escalations, p50, p99);
  }

  private static SlaEvent summary(
      Priority priority, SlaWindow window, Instant start, Instant end, Stats s) {
    String service = serviceOf(priority);
    return SlaEvent.newBuilder()
        .setEventId(service + "/sla/" + window + "/" + priority + "/" + start)
        .setServiceId(service)
        .setOccurredAt(end)
        .setEvent(
            SlaWindowSummarized.newBuilder()
                .setPriority(priority)
                .setWindow(window)
                .setWindowStart(start)
                .setWindowEnd(end)
                .setAcknowledged(s.acknowledged())
                .setMttaMillis(s.mtta())
                .setResolved(s.resolved())
                .setMttrMillis(s.mttr())
                .setBreaches(s.breaches())
                .setEscalations(s.escalations())
                .setLatenessP50Millis(s.p50())
                .setLatenessP99Millis(s.p99())
                .build())
        .build();
  }

  private static String serviceOf(Priority priority) {
    return priority == Priority.P5 ? "slow" : "ops";
  }
}
