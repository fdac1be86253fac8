package io.vigil.classifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CopartitionCheckTest {

  @Test
  void equalCountsOrTopicsNotThereYetPass() {
    assertThat(
            CopartitionCheck.problem(
                Map.of("vigil.incident-commands.v1", 6, "vigil.incidents.v1", 6)))
        .isEmpty();
    assertThat(CopartitionCheck.problem(Map.of("vigil.incidents.v1", 6))).isEmpty();
  }

  @Test
  void differentCountsSayWhatToChange() {
    assertThat(
            CopartitionCheck.problem(
                Map.of("vigil.incident-commands.v1", 3, "vigil.incidents.v1", 6)))
        .contains(
            "vigil.incident-commands.v1 has 3 partitions but vigil.incidents.v1 has 6: both are"
                + " keyed by incident id and the classifier routes commands by it, so create both"
                + " with the same count");
  }
}
