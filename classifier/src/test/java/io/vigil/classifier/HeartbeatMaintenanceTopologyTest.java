package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.T0;
import static io.vigil.classifier.TopologyHarness.alert;
import static io.vigil.classifier.TopologyHarness.command;
import static io.vigil.classifier.TopologyHarness.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.CommandRejected;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.NoteAdded;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats (wall-clock), maintenance windows, and expiry of closed incidents' state. */
class HeartbeatMaintenanceTopologyTest {

  @TempDir Path state;

  @Test
  void aSilentHeartbeatOpensAnIncidentAndItsReturnResolvesIt() {
    try (TopologyHarness t =
        new TopologyHarness(
            "services:\n  - { id: backup, escalationPolicy: ops, heartbeats: [ { id: nightly, interval: 1h } ] }\n",
            state)) {
      // The harness's wall clock starts at T0; the check-in is received at T0 + 1 s.
      t.send(alert("h1", AlertAction.HEARTBEAT, "backup", "nightly", Severity.INFO, 0, Map.of()));
      t.advanceWallClock(Duration.ofMinutes(59));
      assertThat(t.events()).isEmpty();

      t.advanceWallClock(Duration.ofMinutes(2));
      String id =
          IncidentIds.heartbeatIncidentId("backup", "nightly", T0.plusSeconds(1).toEpochMilli());
      List<IncidentEvent> out = t.events();
      assertThat(out).extracting(IncidentEvent::getEventId).containsExactly(id + "/opened");
      IncidentOpened opened = (IncidentOpened) out.get(0).getEvent();
      assertThat(opened.getTitle())
          .isEqualTo(
              "Heartbeat nightly missed: no check-in within 1h (last at 2026-03-02T10:00:01Z)");
      assertThat(opened.getPriority()).isEqualTo(Priority.P1);
      assertThat(opened.getFirstSeen()).isEqualTo(T0.plusSeconds(3601));

      t.advanceWallClock(Duration.ofHours(3)); // still silent: no second incident
      assertThat(t.events()).isEmpty();

      t.send(
          alert(
              "h2", AlertAction.HEARTBEAT, "backup", "nightly", Severity.INFO, 4 * 3600, Map.of()));
      assertThat(t.events())
          .extracting(IncidentEvent::getEvent)
          .containsExactly(IncidentResolved.newBuilder().setActor("heartbeat").build());
    }
  }

  @Test
  void aHeartbeatTheServiceDoesNotDeclareIsDeadLettered() {
    try (TopologyHarness t =
        new TopologyHarness("services:\n  - { id: backup, escalationPolicy: ops }\n", state)) {
      t.send(alert("h1", AlertAction.HEARTBEAT, "backup", "nightly", Severity.INFO, 0, Map.of()));

      assertThat(t.events()).isEmpty();
      assertThat(t.deadLetters.readValue().getReason())
          .isEqualTo(
              "unknown heartbeat 'nightly' of service 'backup': add it to the service's heartbeats");
    }
  }

  @Test
  void alertsInAMaintenanceWindowOpenNoIncident() {
    try (TopologyHarness t =
        new TopologyHarness(
            """
            services:
              - id: payments
                escalationPolicy: ops
                maintenance:
                  - { start: "2026-03-02T10:00:00Z", end: "2026-03-02T11:00:00Z", reason: db upgrade }
            """,
            state)) {
      t.send(trigger("a1", "payments", "db", 0));
      t.send(trigger("a2", "payments", "db", 1800));
      t.send(trigger("a3", "payments", "db", 3600)); // the window has ended

      assertThat(t.events())
          .extracting(IncidentEvent::getEventId)
          .containsExactly(IncidentIds.incidentId("a3") + "/opened");
    }
  }

  @Test
  void aClosedIncidentsStateIsForgottenAfterTheRetention() {
    ClassifierOptions options =
        new ClassifierOptions(Duration.ofHours(1), Duration.ofSeconds(1), 3);
    try (TopologyHarness t =
        new TopologyHarness(
            TopologyHarness.config("services:\n  - { id: payments, escalationPolicy: ops }\n"),
            options,
            state)) {
      t.send(trigger("a1", "payments", "db", 0));
      String id = IncidentIds.incidentId("a1");
      t.send(command("c1", id, CommandAction.RESOLVE, "alice").build());
      t.advanceWallClock(Duration.ofMinutes(59));
      t.send(
          command("c2", id, CommandAction.ADD_NOTE, "alice").setNote("root cause: disk").build());
      t.advanceWallClock(Duration.ofMinutes(2));
      t.send(command("c3", id, CommandAction.ADD_NOTE, "alice").setNote("too late").build());

      List<IncidentEvent> out = t.events();
      assertThat(out.get(2).getEvent()).isInstanceOf(NoteAdded.class);
      assertThat(((CommandRejected) out.get(3).getEvent()).getReason())
          .isEqualTo("incident " + id + " is not known (or expired)");
    }
  }
}
