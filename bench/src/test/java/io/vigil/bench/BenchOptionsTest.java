package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreTheIssuesScenarios() {
    BenchOptions o = BenchOptions.parse();

    assertThat(o.integer("runs")).isEqualTo(3);
    assertThat(o.integer("latency-rate")).isEqualTo(1000);
    assertThat(o.integer("storm-alerts")).isEqualTo(100_000);
    assertThat(o.seconds("storm-seconds")).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.integer("storm-fingerprints")).isEqualTo(2000);
    assertThat(o.list("targets")).containsExactly("vigil", "alertmanager");
    assertThat(o.commandLine()).isEmpty();
  }

  @Test
  void givenOptionsOverrideAndAreEchoedAsGiven() {
    BenchOptions o = BenchOptions.parse("--runs", "1", "--targets", "vigil");

    assertThat(o.integer("runs")).isEqualTo(1);
    assertThat(o.has("targets", "alertmanager")).isFalse();
    assertThat(o.commandLine()).isEqualTo("--runs 1 --targets vigil");
  }

  @Test
  void mistakesAreRefusedWithWhatIsKnown() {
    assertThatThrownBy(() -> BenchOptions.parse("--rnus", "1"))
        .hasMessageStartingWith("unknown option --rnus; known: --runs, --scenarios");
    assertThatThrownBy(() -> BenchOptions.parse("--runs")).hasMessage("--runs needs a value");
    assertThatThrownBy(() -> BenchOptions.parse("--scenarios", "latency,speed"))
        .hasMessageStartingWith("--scenarios has unknown speed; known: ");
    assertThatThrownBy(() -> BenchOptions.parse("--runs", "three").integer("runs"))
        .hasMessage("--runs must be a whole number, was three");
  }
}
