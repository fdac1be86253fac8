package io.vigil.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertCountsTest {

  @Test
  void eachIncidentCountsItsHighestCountOnce() {
    AlertCounts counts = new AlertCounts();
    counts.count("i1", 1); // opened
    counts.count("i2", 1);
    counts.count("i1", 40); // one AlertGrouped publishing 39 repeats
    counts.count("i1", 40); // the same count again (a re-read): nothing new
    counts.count("i2", 3);

    assertThat(counts.total()).isEqualTo(43);
  }
}
