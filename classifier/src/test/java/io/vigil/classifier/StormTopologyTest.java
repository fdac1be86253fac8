package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.resolve;
import static io.vigil.classifier.TopologyHarness.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.desk.DeskState;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.runtime.streams.JsonSerde;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.AlertResolved;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storm collapse: past a service's distinct-alert limit the rest join one storm incident. */
class StormTopologyTest {

  @TempDir Path state;

  private static String service(String extra) {
    return "services:\n  - { id: payments, escalationPolicy: ops" + extra + " }\n";
  }

  @Test
  void pastTheStormLimitTheRestOfTheWindowJoinsOneStormIncident() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", grouping: { storm: { distinctAlerts: 2, within: 1m } }"), state)) {
      t.send(trigger("a1", "payments", "k1", 0));
      t.send(trigger("a2", "payments", "k2", 1));
      t.send(trigger("a3", "payments", "k3", 2));
      t.send(trigger("a4", "payments", "k4", 3));
      t.send(trigger("a5", "payments", "k3", 4));
      t.send(trigger("a6", "payments", "k1", 5));
      t.send(trigger("a7", "payments", "k5", 61)); // next window: k5 is 1 distinct of 2 again

      String storm = IncidentIds.incidentId("a3");
      List<IncidentEvent> out = t.events();
      assertThat(out)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(
              IncidentIds.incidentId("a1") + "/opened",
              IncidentIds.incidentId("a2") + "/opened",
              storm + "/opened",
              IncidentIds.incidentId("a7") + "/opened");
      IncidentOpened opened = (IncidentOpened) out.get(2).getEvent();
      assertThat(opened.getTitle())
          .isEqualTo("Alert storm on payments: more than 2 distinct alerts within 1m");
      assertThat(opened.getDedupKey()).isEqualTo("storm/payments");

      // Alerts joining the storm and repeats are counted, then published once per incident.
      t.advanceWallClock(ClassifierOptions.COUNT_INTERVAL);
      List<IncidentEvent> counts = t.events();
      assertThat(counts)
          .extracting(IncidentEvent::getEventId)
          .containsExactlyInAnyOrder(
              storm + "/grouped/3", IncidentIds.incidentId("a1") + "/grouped/2");
      AlertGrouped stormCount =
          counts.stream()
              .filter(e -> e.getIncidentId().equals(storm))
              .map(e -> (AlertGrouped) e.getEvent())
              .findFirst()
              .orElseThrow();
      assertThat(stormCount.getSummary())
          .isEqualTo("Alert storm on payments: 3 alerts, 2 distinct");
      assertThat(stormCount.getAlertEventId()).isEqualTo("a5");
    }
  }

  @Test
  void aStormIncidentOfManyAlertsStaysSmallAndAutoResolvesWithItsLastAlert() {
    try (TopologyHarness t =
        new TopologyHarness(
            service(", autoResolve: true, grouping: { storm: { distinctAlerts: 2, within: 1h } }"),
            state)) {
      int keys = 100; // the value listing them all, as it once did, would be ~2 KB
      for (int k = 0; k < keys; k++) {
        t.send(trigger("a" + k, "payments", "k" + k, k));
      }
      String storm = IncidentIds.incidentId("a2");
      KeyValueStore<String, String> members = t.driver.getKeyValueStore(DeskState.MEMBERS);
      IncidentState held =
          t.driver.<String, IncidentState>getKeyValueStore(DeskState.INCIDENTS).get(storm);
      assertThat(held.distinctAlerts).isEqualTo(keys - 2);
      assertThat(held.firingAlerts).isEqualTo(keys - 2);
      assertThat(new JsonSerde<>(IncidentState.class).serializer().serialize("", held))
          .as("the incident's value does not grow with its alerts")
          .hasSizeLessThan(1_000);
      try (var it = members.prefixScan(storm + "/", new StringSerializer())) {
        int indexed = 0;
        for (; it.hasNext(); it.next()) {
          indexed++;
        }
        assertThat(indexed).isEqualTo(keys - 2);
      }
      t.events();

      for (int k = 2; k < keys; k++) {
        t.send(resolve("r" + k, "payments", "k" + k, 3600 + k));
      }
      List<IncidentEvent> out = t.events();
      // The storm's pending count goes out first, then one event per resolved alert.
      assertThat(out).hasSize(1 + keys - 2);
      assertThat(out.get(0).getEventId()).isEqualTo(storm + "/grouped/" + (keys - 2));
      assertThat(((AlertGrouped) out.get(0).getEvent()).getSummary())
          .isEqualTo("Alert storm on payments: 98 alerts, 98 distinct");
      assertThat(((AlertResolved) out.get(1).getEvent()).getOpenAlerts()).isEqualTo(keys - 3);
      assertThat(out.get(keys - 3).getEventId())
          .isEqualTo(storm + "/alert-resolved/r" + (keys - 2));
      assertThat(out.get(keys - 2).getEventId()).isEqualTo(storm + "/resolved");
    }
  }
}
