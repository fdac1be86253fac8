package io.vigil.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StormScenarioTest {

  @Test
  void pastTheLimitEachServiceOpensOneIncidentPerDistinctAlertUpToItPlusOneStormIncident() {
    assertThat(StormScenario.predictedIncidents(20, 100, 50)).isEqualTo(20 * 51);
    assertThat(StormScenario.predictedIncidents(1, 51, 50)).isEqualTo(51);
  }

  @Test
  void atOrBelowTheLimitEveryDistinctAlertOpensItsOwnIncident() {
    assertThat(StormScenario.predictedIncidents(3, 50, 50)).isEqualTo(150);
    assertThat(StormScenario.predictedIncidents(3, 40, 50)).isEqualTo(120);
  }
}
