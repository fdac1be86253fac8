package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.incident.IncidentIds;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration is read when each record arrives: a document replaced between two alerts
 * routes, groups and classifies the second by the new rules, without rebuilding the topology.
 */
class LiveConfigTopologyTest {

  @TempDir Path state;

  private static final Map<String, String> DISK_FULL = Map.of("alertname", "DiskFull");

  @Test
  void theSecondAlertFollowsTheDocumentThatReplacedTheFirst() {
    VigilConfig before =
        TopologyHarness.config("services:\n  - { id: payments, escalationPolicy: ops }\n");
    VigilConfig after =
        TopologyHarness.config(
            """
            services:
              - { id: payments, escalationPolicy: ops, grouping: { by: [alertname], window: 5m } }
              - { id: checkout, escalationPolicy: ops }
            """,
            """
            classification:
              - { when: { service: payments, labels: { alertname: "~Disk.*" } }, priority: P2, class: major, urgency: high }
              - { when: {}, priority: P4, class: minor, urgency: low }
            """);
    AtomicReference<VigilConfig> document = new AtomicReference<>(before);
    try (TopologyHarness t =
        new TopologyHarness(document::get, ClassifierOptions.DEFAULTS, state)) {
      t.send(warning("a1", "payments", "db-1", 0));
      t.send(warning("c1", "checkout", "cart", 0));
      assertThat(t.deadLetters.readValue().getReason())
          .isEqualTo("unknown service 'checkout': add it to the configuration");

      document.set(after);
      t.send(warning("a2", "payments", "db-2", 10));
      t.send(warning("a3", "payments", "db-3", 20));
      t.send(warning("c2", "checkout", "cart", 30));

      String first = IncidentIds.incidentId("a1");
      String group = IncidentIds.incidentId("a2");
      String checkout = IncidentIds.incidentId("c2");
      List<IncidentEvent> out = t.events();
      assertThat(out)
          .extracting(IncidentEvent::getEventId)
          .containsExactly(
              first + "/opened", group + "/opened", group + "/grouped/2", checkout + "/opened");
      assertThat(((IncidentOpened) out.get(0).getEvent()).getPriority()).isEqualTo(Priority.P4);
      assertThat(((IncidentOpened) out.get(1).getEvent()).getPriority()).isEqualTo(Priority.P2);
      assertThat(((IncidentOpened) out.get(3).getEvent()).getPriority()).isEqualTo(Priority.P4);
    }
  }

  private static io.vigil.schemas.AlertEvent warning(
      String eventId, String service, String dedupKey, long seconds) {
    return alert(
        eventId, AlertAction.TRIGGER, service, dedupKey, Severity.WARNING, seconds, DISK_FULL);
  }
}
