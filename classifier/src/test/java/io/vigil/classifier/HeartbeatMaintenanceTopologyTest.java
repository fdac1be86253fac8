package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.T0;
import static io.vigil.classifier.TopologyHarness.alert;
import static io.vigil.classifier.TopologyHarness.command;
import static io.vigil.classifier.TopologyHarness.resolve;
import static io.vigil.classifier.TopologyHarness.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.incident.IncidentIds;
import io.vigil.classifier.maintenance.HeldAlert;
import io.vigil.classifier.maintenance.HeldAlerts;
import io.vigil.classifier.routing.DirectoryEntry;
import io.vigil.classifier.routing.IncidentDirectory;
import io.vigil.config.VigilConfig;
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
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats (wall-clock), maintenance windows and the alerts they hold, and expiry of closed
 * incidents' state in the desk and the directory.
 */
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
  void alertsInAMaintenanceWindowOpenNoIncidentButAreKeptCountedAndVisible() {
    ClassifierOptions options =
        new ClassifierOptions(Duration.ofHours(1), Duration.ofSeconds(1), 3);
    VigilConfig config =
        TopologyHarness.config(
            """
            services:
              - id: payments
                escalationPolicy: ops
                maintenance:
                  - { start: "2026-03-02T10:00:00Z", end: "2026-03-02T11:00:00Z", reason: db upgrade }
              - { id: checkout, escalationPolicy: ops }
            """);
    try (TopologyHarness t = new TopologyHarness(config, options, state)) {
      t.send(trigger("a1", "payments", "db", 0));
      t.send(alert("a2", AlertAction.TRIGGER, "payments", "db", Severity.CRITICAL, 1800, Map.of()));
      t.send(trigger("a3", "payments", "disk", 600));
      t.send(resolve("r1", "payments", "db", 1900));
      t.send(trigger("a4", "payments", "db", 3600)); // the window has ended

      assertThat(t.events())
          .extracting(IncidentEvent::getEventId)
          .containsExactly(IncidentIds.incidentId("a4") + "/opened");
      assertThat(t.heldByService).containsExactly(Map.entry("payments", 3));

      KeyValueStore<String, HeldAlert> held = t.driver.getKeyValueStore(HeldAlert.STORE);
      HeldAlerts.Report report =
          HeldAlerts.report(held, config, T0.plusSeconds(1950), Optional.empty());
      assertThat(report.services()).hasSize(1);
      HeldAlerts.ServiceHeld payments = report.services().get(0);
      assertThat(payments.service()).isEqualTo("payments");
      assertThat(payments.inMaintenance()).isTrue();
      assertThat(payments.window())
          .isEqualTo(new HeldAlerts.Window(T0, T0.plusSeconds(3600), "db upgrade"));
      assertThat(payments.heldAlerts()).isEqualTo(3);
      assertThat(payments.distinctAlerts()).isEqualTo(2);
      assertThat(payments.alerts())
          .containsExactly(
              new HeldAlerts.AlertHeld(
                  "db",
                  2,
                  T0,
                  T0.plusSeconds(1800),
                  "critical",
                  "summary of a2",
                  false,
                  "db upgrade",
                  T0.plusSeconds(3600)),
              new HeldAlerts.AlertHeld(
                  "disk",
                  1,
                  T0.plusSeconds(600),
                  T0.plusSeconds(600),
                  "warning",
                  "summary of a3",
                  true,
                  "db upgrade",
                  T0.plusSeconds(3600)));
      // Asked for one service that holds nothing, it is listed, empty and out of maintenance.
      assertThat(HeldAlerts.report(held, config, T0, Optional.of("checkout")).services())
          .containsExactly(new HeldAlerts.ServiceHeld("checkout", false, null, 0, 0, List.of()));

      // Kept until the window has been over for the retention (1 h here): 11:00 + 1 h.
      t.advanceWallClock(Duration.ofMinutes(119));
      assertThat(HeldAlerts.report(held, config, T0.plusSeconds(7140), Optional.empty()).services())
          .extracting(HeldAlerts.ServiceHeld::distinctAlerts)
          .containsExactly(2);
      t.advanceWallClock(Duration.ofMinutes(2));
      assertThat(HeldAlerts.report(held, config, T0.plusSeconds(7260), Optional.empty()).services())
          .isEmpty();
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
      assertThat(directory(t).get(id)).isNotNull();

      t.advanceWallClock(Duration.ofMinutes(2));
      assertThat(directory(t).get(id)).as("the directory forgot it").isNull();
      t.send(command("c3", id, CommandAction.ADD_NOTE, "alice").setNote("too late").build());
      t.advanceWallClock(Duration.ofSeconds(11));

      List<IncidentEvent> out = t.events();
      assertThat(out.get(2).getEvent()).isInstanceOf(NoteAdded.class);
      assertThat(((CommandRejected) out.get(3).getEvent()).getReason())
          .isEqualTo("incident " + id + " does not exist (or closed more than 1h ago)");
    }
  }

  @Test
  void theDirectoryForgetsClosedIncidentsWithTombstonesAndKeepsOpenOnes() {
    ClassifierOptions options =
        new ClassifierOptions(Duration.ofHours(1), Duration.ofSeconds(1), 3);
    try (TopologyHarness t =
        new TopologyHarness(
            TopologyHarness.config("services:\n  - { id: payments, escalationPolicy: ops }\n"),
            options,
            state)) {
      TestOutputTopic<String, String> changelog =
          t.driver.createOutputTopic(
              IncidentTopology.APPLICATION_ID + "-" + IncidentDirectory.STORE + "-changelog",
              Serdes.String().deserializer(),
              Serdes.String().deserializer());
      t.send(trigger("a1", "payments", "db", 0));
      t.send(trigger("b1", "payments", "cache", 0));
      String closed = IncidentIds.incidentId("a1");
      String open = IncidentIds.incidentId("b1");
      t.send(command("c1", closed, CommandAction.RESOLVE, "alice").build());
      changelog.readRecordsToList();

      t.advanceWallClock(Duration.ofMinutes(61));

      assertThat(changelog.readKeyValuesToList())
          .containsExactly(KeyValue.pair(closed, null)); // a tombstone: compaction drops the key
      assertThat(directory(t).get(closed)).isNull();
      assertThat(directory(t).get(open).serviceId).isEqualTo("payments");
    }
  }

  private static KeyValueStore<String, DirectoryEntry> directory(TopologyHarness t) {
    return t.driver.getKeyValueStore(IncidentDirectory.STORE);
  }
}
