package io.vigil.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

  private final BenchConfig bench = new BenchConfig(9998, 10, 3, 20, 50);

  @Test
  void theDocumentIsAValidConfigurationWithEveryService() {
    VigilConfig config = VigilConfigLoader.parse(bench.yaml(), "bench");

    assertThat(config.services()).hasSize(10 + 3 * 20);
    assertThat(config.service("load-0")).isPresent();
    assertThat(config.service("storm-3-19")).isPresent();
  }

  @Test
  void everyServicePagesTheOnCallUserAtTheBenchWebhookAtOnce() {
    VigilConfig config = VigilConfigLoader.parse(bench.yaml(), "bench");

    var user = config.user(BenchConfig.ONCALL).orElseThrow();
    assertThat(user.contactMethods().get(0).url())
        .isEqualTo("http://127.0.0.1:9998/vigil/bench-oncall");
    assertThat(config.escalationPolicy("bench").orElseThrow().levels()).hasSize(1);
    assertThat(config.services()).allMatch(s -> s.escalationPolicy().equals("bench"));
  }

  @Test
  void theLoadGeneratorsKeysAreTheConfiguredOnesAndUnique() {
    VigilConfig config = VigilConfigLoader.parse(bench.yaml(), "bench");

    assertThat(config.integrationByKey(BenchConfig.alertmanagerKey("storm-2-7")).orElseThrow())
        .satisfies(
            m -> {
              assertThat(m.service().id()).isEqualTo("storm-2-7");
              assertThat(m.integration().type()).isEqualTo(Service.IntegrationType.ALERTMANAGER);
              assertThat(m.integration().rateLimit().perSecond()).isEqualTo(1_000_000);
            });
    assertThat(config.integrationByKey(BenchConfig.eventsKey("load-4")).orElseThrow())
        .satisfies(m -> assertThat(m.service().id()).isEqualTo("load-4"));
    Set<String> keys = new HashSet<>();
    config.services().forEach(s -> s.integrations().forEach(i -> keys.add(i.key())));
    assertThat(keys).hasSize(2 * config.services().size());
  }

  @Test
  void onlyStormServicesHaveAStormLimitOfAnHour() {
    VigilConfig config = VigilConfigLoader.parse(bench.yaml(), "bench");

    assertThat(config.service("storm-1-0").orElseThrow().grouping().storm())
        .isEqualTo(new Service.Storm(50, Duration.ofHours(1)));
    assertThat(config.service("load-0").orElseThrow().grouping().storm()).isNull();
  }

  @Test
  void eachRunHasItsOwnStormServices() {
    assertThat(bench.stormServiceIds(1))
        .hasSize(20)
        .doesNotContainAnyElementsOf(bench.stormServiceIds(2));
    assertThat(bench.loadServiceIds())
        .isEqualTo(
            List.of(
                "load-0", "load-1", "load-2", "load-3", "load-4", "load-5", "load-6", "load-7",
                "load-8", "load-9"));
  }
}
