package io.vigil.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.bench.stack.HopTimes.Hop;
import io.vigil.bench.stats.Samples;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopTimesTest {

  private static final long MS = 1_000_000L;

  @Test
  void eachHopCountsFromTheProbesSendToItsFirstRecordThere() {
    HopTimes times = new HopTimes();
    // Records of other incidents arrive first, and an escalation before its incident is seen.
    times.escalation("i-7", 30 * MS);
    times.opened("i-1", "CPU high on node-1", 4 * MS);
    times.opened("i-7", "CPU high bench-probe-7", 20 * MS);
    times.opened("i-7", "CPU high bench-probe-7", 21 * MS); // seen again: the first counts
    times.notification("i-7", 45 * MS);
    times.notification("i-7", 60 * MS);
    // probe 8 was never seen opening an incident

    Map<Hop, Samples> hops = times.since(Map.of(7L, 1 * MS, 8L, 10 * MS));

    assertThat(hops.get(Hop.INCIDENT).sorted()).containsExactly(19 * MS);
    assertThat(hops.get(Hop.ESCALATION).sorted()).containsExactly(29 * MS);
    assertThat(hops.get(Hop.NOTIFICATION).sorted()).containsExactly(44 * MS);
  }
}
