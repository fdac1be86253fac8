package io.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AlertShapeTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void eachRequestIsOneServicesBatchRoundRobin() {
    AlertShape shape = new AlertShape(List.of("a", "b", "c"), 30, 5, 0, new AtomicLong(), () -> T0);

    assertThat(shape.batch(0)).hasSize(5).allMatch(x -> x.serviceId().equals("a"));
    assertThat(shape.batch(1)).allMatch(x -> x.serviceId().equals("b"));
    assertThat(shape.batch(5)).allMatch(x -> x.serviceId().equals("c"));
  }

  @Test
  void theBatchesCycleThroughEveryFingerprintOfThePoolAndNoOther() {
    AlertShape shape = new AlertShape(List.of("a", "b"), 40, 10, 0, new AtomicLong(), () -> T0);
    Set<String> seen = new HashSet<>();
    for (long n = 0; n < 100; n++) {
      shape.batch(n).forEach(alert -> seen.add(alert.fingerprint()));
    }

    assertThat(shape.fingerprints()).isEqualTo(40);
    assertThat(seen).hasSize(40).contains("a-fp-0", "a-fp-19", "b-fp-19").doesNotContain("a-fp-20");
  }

  @Test
  void everyKthAlertIsAProbeWithAnIdNeverSeenBefore() {
    AtomicLong ids = new AtomicLong(100);
    AlertShape shape = new AlertShape(List.of("a"), 10, 10, 5, ids, () -> T0);
    List<Alert> alerts = new ArrayList<>();
    alerts.addAll(shape.batch(0));
    alerts.addAll(shape.batch(1));

    List<Alert> probes = alerts.stream().filter(Alert::isProbe).toList();
    assertThat(probes).extracting(Alert::probe).containsExactly(100L, 101L, 102L, 103L);
    assertThat(probes.get(0).fingerprint()).isEqualTo("bench-probe-100");
    assertThat(probes.get(0).summary()).isEqualTo("bench-probe-100 opened on a");
    assertThat(probes.get(0).labels()).containsEntry("probe", "bench-probe-100");
    assertThat(alerts.get(4).isProbe()).isTrue();
    assertThat(alerts.get(3).isProbe()).isFalse();
  }

  @Test
  void aFixedClockGivesEveryAlertTheSameTime() {
    AlertShape shape = new AlertShape(List.of("a"), 10, 3, 0, new AtomicLong(), () -> T0);

    assertThat(shape.batch(7)).extracting(Alert::startsAt).containsOnly(T0);
  }

  @Test
  void aShapeWithoutServicesIsRefused() {
    assertThatThrownBy(() -> new AlertShape(List.of(), 10, 1, 0, new AtomicLong(), () -> T0))
        .hasMessage("a load shape needs at least one service");
  }
}
