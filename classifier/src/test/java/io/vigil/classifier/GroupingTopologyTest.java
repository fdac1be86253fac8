package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.T0;
import static io.vigil.classifier.TopologyHarness.alert;
import static io.vigil.classifier.TopologyHarness.resolve;
import static io.vigil.classifier.TopologyHarness.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.desk.DeskState;
import io.vigil.classifier.grouping.ThresholdCount;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.AlertResolved;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentFlapping;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouping by labels, thresholds, flapping, late alerts, re-classification, auto-resolve. */
class GroupingTopologyTest {

  @TempDir Path state;

  private static String service(String extra) {
    return "services:\n  - { id: payments, escalationPolicy: ops" + extra + " }\n";
  }

  private static Map<String, String> labels(String alertname, String cluster) {
    return Map.of("alertname", alertname, "cluster", cluster);
  }

  private static String kinds(List<IncidentEvent> events) {
    return String.join(
        " ",
        events.stream()
            .map(
                e ->
                    e.getEvent().getClass().getSimpleName()
                        + "@"
                        + e.getIncidentId().substring(0, 4))
            .toList());
  }

  @Test
  void alertsOfOneLabelGroupWithinTheWindowBecomeOneIncident() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", grouping: { by: [alertname, cluster], window: 30s }"), state)) {
      t.send(
          alert(
              "a1",
              AlertAction.TRIGGER,
              "payments",
              "db-1",
              Severity.ERROR,
              0,
              labels("DiskFull", "eu")));
      t.send(
          alert(
              "a2",
              AlertAction.TRIGGER,
              "payments",
              "db-2",
              Severity.ERROR,
              10,
              labels("DiskFull", "eu")));
      t.send(
          alert(
              "a3",
              AlertAction.TRIGGER,
              "payments",
              "db-3",
              Severity.ERROR,
              20,
              labels("DiskFull", "us")));
      t.send(
          alert(
              "a4",
              AlertAction.TRIGGER,
              "payments",
              "db-4",
              Severity.ERROR,
              31,
              labels("DiskFull", "eu")));
      t.send(
          alert(
              "a5",
              AlertAction.TRIGGER,
              "payments",
              "db-2",
              Severity.ERROR,
              40,
              labels("DiskFull", "eu")));

      String group = IncidentIds.incidentId("a1");
      List<IncidentEvent> out = t.events();
      assertThat(out)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(
              group + "/opened",
              group + "/grouped/2", // a new alert of the group: published at once
              IncidentIds.incidentId("a3") + "/opened",
              IncidentIds.incidentId("a4") + "/opened");
      t.advanceWallClock(ClassifierOptions.COUNT_INTERVAL);
      // db-2 again, firing: a repeat, counted and published with the interval
      assertThat(t.events())
          .extracting(IncidentEvent::getEventId)
          .containsExactly(group + "/grouped/3");
      assertThat(((AlertGrouped) out.get(1).getEvent()).getDedupKey()).isEqualTo("db-2");
    }
  }

  @Test
  void thresholdOpensOnlyOnceEnoughAlertsArriveWithinTheTime() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", grouping: { threshold: { count: 3, within: 5m } }"), state)) {
      t.send(trigger("a1", "payments", "cpu", 0));
      t.send(trigger("a2", "payments", "cpu", 200));
      t.send(trigger("a3", "payments", "cpu", 400)); // a1 fell out of the 5 minutes: 2 of 3
      assertThat(t.events()).isEmpty();

      t.send(trigger("a4", "payments", "cpu", 450));
      String id = IncidentIds.incidentId("a4");
      List<IncidentEvent> out = t.events();
      assertThat(out)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(id + "/opened", id + "/grouped/3");
      assertThat(((AlertGrouped) out.get(1).getEvent()).getAlertCount()).isEqualTo(3);
    }
  }

  @Test
  void heldThresholdCountsThatCanNoLongerReachTheThresholdAreSweptOnTheWallClock() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", grouping: { threshold: { count: 3, within: 5m }, grace: 30s }"), state)) {
      KeyValueStore<String, ThresholdCount> held = t.driver.getKeyValueStore(DeskState.THRESHOLDS);
      t.send(trigger("a1", "payments", "cpu", 0));
      t.send(trigger("a2", "payments", "cpu", 60)); // 2 of 3, and the key is never seen again

      // The newest held alert (60 s) could still count until 60 s + 5 m + 30 s of grace.
      t.advanceWallClock(Duration.ofMinutes(6));
      assertThat(held.get("payments/alert:cpu").times)
          .containsExactly(T0.toEpochMilli(), T0.plusSeconds(60).toEpochMilli());

      t.advanceWallClock(Duration.ofMinutes(1));
      assertThat(held.get("payments/alert:cpu")).isNull();
      assertThat(t.events()).isEmpty();
    }
  }

  @Test
  void anAlertThatKeepsResolvingAndRetriggeringStaysOneFlappingIncident() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", grouping: { flap: { transitions: 3, within: 30m } }"), state)) {
      t.send(trigger("a1", "payments", "link", 0));
      t.send(resolve("r1", "payments", "link", 60)); // transition 1
      t.send(trigger("a2", "payments", "link", 120)); // transition 2: a new incident
      t.send(resolve("r2", "payments", "link", 180)); // transition 3
      t.send(trigger("a3", "payments", "link", 240)); // 4 within 30m: flapping, reopens a2's
      t.send(resolve("r3", "payments", "link", 300)); // stays open
      t.send(trigger("a4", "payments", "link", 360));

      String first = IncidentIds.incidentId("a1");
      String second = IncidentIds.incidentId("a2");
      List<IncidentEvent> out = t.events();
      assertThat(out)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(
              first + "/opened",
              first + "/resolved",
              second + "/opened",
              second + "/resolved",
              second + "/reopened/a3",
              second + "/flapping",
              second + "/grouped/2",
              second + "/alert-resolved/r3",
              second + "/grouped/3");
      assertThat(((IncidentReopened) out.get(4).getEvent()).getReason())
          .isEqualTo("flapping: 4 resolve/trigger transitions within 30m");
      assertThat(((IncidentFlapping) out.get(5).getEvent()).getFlapCount()).isEqualTo(4);
      assertThat(((AlertResolved) out.get(7).getEvent()).getOpenAlerts()).isZero();
    }
  }

  @Test
  void lateAndOutOfOrderAlertsFollowTheGracePeriod() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", grouping: { by: [alertname], window: 1m, grace: 30s }"), state)) {
      Map<String, String> disk = Map.of("alertname", "DiskFull");
      t.send(alert("a1", AlertAction.TRIGGER, "payments", "db-1", Severity.ERROR, 100, disk));
      t.send(alert("a2", AlertAction.TRIGGER, "payments", "db-2", Severity.ERROR, 300, disk));
      // 20 s older than the newest alert, within grace: it joins the window a2 started at 300 s...
      t.send(alert("a3", AlertAction.TRIGGER, "payments", "db-3", Severity.ERROR, 280, disk));
      // ...and one 200 s late is placed at the grace bound (270 s): it can no longer reach a1's
      // window (100-160 s), which closed, and joins the current one.
      t.send(alert("a4", AlertAction.TRIGGER, "payments", "db-4", Severity.ERROR, 100, disk));
      // A resolve older than the alert's trigger is stale and changes nothing.
      t.send(resolve("r1", "payments", "db-2", 250));

      String second = IncidentIds.incidentId("a2");
      assertThat(t.events())
          .extracting(IncidentEvent::getEventId)
          .containsExactly(
              IncidentIds.incidentId("a1") + "/opened",
              second + "/opened",
              second + "/grouped/2",
              second + "/grouped/3");
    }
  }

  @Test
  void aSeverityChangeOnAnOpenIncidentReclassifiesIt() {
    try (TopologyHarness t = new TopologyHarness(service(""), state)) {
      t.send(trigger("a1", "payments", "db", 0));
      t.send(alert("a2", AlertAction.TRIGGER, "payments", "db", Severity.CRITICAL, 10, Map.of()));
      t.send(alert("a3", AlertAction.TRIGGER, "payments", "db", Severity.CRITICAL, 20, Map.of()));
      t.advanceWallClock(
          ClassifierOptions.COUNT_INTERVAL); // a3 is a repeat: counted, then published

      String id = IncidentIds.incidentId("a1");
      List<IncidentEvent> out = t.events();
      assertThat(out)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(
              id + "/opened", id + "/grouped/2", id + "/reclassified/a2", id + "/grouped/3");
      assertThat(((IncidentOpened) out.get(0).getEvent()).getPriority()).isEqualTo(Priority.P4);
      IncidentReclassified r = (IncidentReclassified) out.get(2).getEvent();
      assertThat(r.getPriority()).isEqualTo(Priority.P1);
      assertThat(r.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(r.getReason()).isEqualTo("severity changed from warning to critical (alert db)");
    }
  }

  @Test
  void aGroupResolvesWhenAllItsAlertsHaveOnlyWithAutoResolve() {
    String grouping = ", grouping: { by: [alertname, cluster], window: 1m }";
    for (boolean autoResolve : new boolean[] {true, false}) {
      try (TopologyHarness t =
          new TopologyHarness(
              service(grouping + ", autoResolve: " + autoResolve),
              state.resolve("" + autoResolve))) {
        t.send(
            alert(
                "a1",
                AlertAction.TRIGGER,
                "payments",
                "db-1",
                Severity.ERROR,
                0,
                labels("Disk", "eu")));
        t.send(
            alert(
                "a2",
                AlertAction.TRIGGER,
                "payments",
                "db-2",
                Severity.ERROR,
                5,
                labels("Disk", "eu")));
        t.send(resolve("r1", "payments", "db-1", 10));
        t.send(resolve("r2", "payments", "db-2", 20));

        String id = IncidentIds.incidentId("a1");
        assertThat(t.events())
            .extracting(IncidentEvent::getEventId)
            .containsExactly(
                id + "/opened",
                id + "/grouped/2",
                id + "/alert-resolved/r1",
                autoResolve ? id + "/resolved" : id + "/alert-resolved/r2");
      }
    }
  }
}
