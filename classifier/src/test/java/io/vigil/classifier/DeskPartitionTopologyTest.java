package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test driver reads every input from partition 0: an alert of a service whose partition is 0 is
 * where its desk is and takes no repartition hop; any other service's alert is moved through {@code
 * alerts-by-service}. Both open the same incidents.
 */
class DeskPartitionTopologyTest {

  private static final String MOVED_TOPIC =
      IncidentTopology.APPLICATION_ID + "-" + IncidentTopology.ALERTS_BY_SERVICE + "-repartition";

  @TempDir Path state;

  /** The first of svc-0, svc-1, … whose partition among 3 is (or is not) 0. */
  private static String service(boolean inPartitionZero) {
    return IntStream.range(0, 100)
        .mapToObj(i -> "svc-" + i)
        .filter(s -> (Topics.servicePartition(s, 3) == 0) == inPartitionZero)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAlertInItsServicesPartitionSkipsTheHopAndOthersAreMovedThere() {
    String inPlace = service(true);
    String elsewhere = service(false);
    String services =
        "services:\n"
            + "  - { id: "
            + inPlace
            + ", escalationPolicy: ops }\n"
            + "  - { id: "
            + elsewhere
            + ", escalationPolicy: ops }\n";
    try (TopologyHarness t = new TopologyHarness(services, state)) {
      t.send(trigger("a1", inPlace, "db", 0));
      assertThat(t.events())
          .extracting(IncidentEvent::getEventId)
          .containsExactly(IncidentIds.incidentId("a1") + "/opened");
      assertThat(t.driver.producedTopicNames()).doesNotContain(MOVED_TOPIC);

      t.send(trigger("a2", elsewhere, "db", 1));
      assertThat(t.events())
          .extracting(IncidentEvent::getEventId)
          .containsExactly(IncidentIds.incidentId("a2") + "/opened");
      assertThat(t.driver.producedTopicNames()).contains(MOVED_TOPIC);
    }
  }
}
