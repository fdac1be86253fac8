package io.vigil.bench;

import io.vigil.bench.scenario.LatencyScenario;
import io.vigil.bench.scenario.StormScenario;
import io.vigil.bench.scenario.ThroughputScenario;
import java.util.Map;

/**
 * Everything one run measured; a scenario or target not run is null (memory maps: empty).
 *
 * @param memoryPeak peak RSS per process in bytes while this run's scenarios ran
 * @param cpuCores CPU per process over this run's scenarios, in cores (1.0 = one core busy)
 */
public record RunResult(
    int run,
    ThroughputScenario.Result vigilThroughput,
    ThroughputScenario.Result peerThroughput,
    LatencyScenario.Result vigilLatency,
    LatencyScenario.Result peerLatency,
    StormScenario.Result storm,
    Map<String, Long> memoryPeak,
    Map<String, Double> cpuCores) {

  /** This result with the CPU figures of its run. */
  public RunResult withCpu(Map<String, Double> cores) {
    return new RunResult(
        run, vigilThroughput, peerThroughput, vigilLatency, peerLatency, storm, memoryPeak, cores);
  }
}
