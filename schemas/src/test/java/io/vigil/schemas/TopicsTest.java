package io.vigil.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void catalogueHoldsEveryTopicOfTheDesignOnce() {
    assertThat(Topics.ALL)
        .extracting(Topic::name)
        .containsExactly(
            "vigil.alerts.v1",
            "vigil.changes.v1",
            "vigil.incident-commands.v1",
            "vigil.incidents.v1",
            "vigil.escalations.v1",
            "vigil.notifications.v1",
            "vigil.sla.v1",
            "vigil.config.v1",
            "vigil.dead-letters.v1");
  }

  @Test
  void onlyConfigurationIsCompacted() {
    assertThat(Topics.ALL.stream().filter(Topic::compacted)).containsExactly(Topics.CONFIG);
  }

  @Test
  void findsTopicsByNameAndBuildsAlertKeys() {
    assertThat(Topics.byName("vigil.incidents.v1")).contains(Topics.INCIDENTS);
    assertThat(Topics.byName("nope")).isEmpty();
    assertThat(Topics.alertKey("payments", "disk-full")).isEqualTo("payments/disk-full");
  }
}
