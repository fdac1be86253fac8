package io.vigil.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's knobs, each {@code --name value} on the command line, with the defaults the
 * issue's scenarios name (1,000 alerts/s for latency; 100,000 alerts in 10 s over 2,000
 * fingerprints for the storm). Unknown options are refused with the list of known ones.
 */
public record BenchOptions(Map<String, String> values, Map<String, String> given) {

  private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("runs", "3");
    DEFAULTS.put("scenarios", "throughput,latency,storm,memory");
    DEFAULTS.put("targets", "vigil,alertmanager");
    DEFAULTS.put("clients", "16");
    DEFAULTS.put("warm-up", "5");
    DEFAULTS.put("seconds", "20");
    DEFAULTS.put("batch", "10");
    DEFAULTS.put("fingerprints", "2000");
    DEFAULTS.put("load-services", "10");
    DEFAULTS.put("latency-rate", "1000");
    DEFAULTS.put("latency-seconds", "20");
    DEFAULTS.put("probe-every", "10");
    DEFAULTS.put("watch-hops", "true");
    DEFAULTS.put("storm-alerts", "100000");
    DEFAULTS.put("storm-seconds", "10");
    DEFAULTS.put("storm-fingerprints", "2000");
    DEFAULTS.put("storm-services", "20");
    DEFAULTS.put("storm-limit", "50");
    DEFAULTS.put("page-port", "9998");
    DEFAULTS.put("alertmanager-port", "9193");
    DEFAULTS.put("alertmanager-binary", "prometheus-alertmanager");
    DEFAULTS.put("ingest-url", "http://127.0.0.1:8080");
    DEFAULTS.put("bootstrap", "127.0.0.1:9092");
    DEFAULTS.put("registry-url", "http://127.0.0.1:8085");
    DEFAULTS.put("state-dir", ".vigil");
    DEFAULTS.put("out", "bench/target/results");
    DEFAULTS.put("prime-rate", "500");
    DEFAULTS.put("recovery-rate", "20");
    DEFAULTS.put("recovery-services", "alert-ingest,classifier,escalation,notifier");
    DEFAULTS.put("vigil-script", "deploy/local/vigil");
    DEFAULTS.put("write-config", "");
  }

  /** Parses {@code --name value} pairs over the defaults. */
  public static BenchOptions parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || !DEFAULTS.containsKey(arg.substring(2))) {
        throw new IllegalArgumentException(
            "unknown option " + arg + "; known: --" + String.join(", --", DEFAULTS.keySet()));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      values.put(arg.substring(2), args[++i]);
      given.put(arg.substring(2), args[i]);
    }
    BenchOptions options = new BenchOptions(values, given);
    options.checkNames("scenarios", Set.of("throughput", "latency", "storm", "memory", "recovery"));
    options.checkNames("targets", Set.of("vigil", "alertmanager"));
    return options;
  }

  private void checkNames(String option, Set<String> known) {
    for (String name : list(option)) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "--" + option + " has unknown " + name + "; known: " + String.join(",", known));
      }
    }
  }

  /** The options given on the command line, as they were given ({@code --runs 3 --seconds 20}). */
  public String commandLine() {
    StringBuilder b = new StringBuilder();
    given.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : " ").append("--").append(k).append(' ').append(v));
    return b.toString();
  }

  public String text(String name) {
    return values.get(name);
  }

  public int integer(String name) {
    try {
      return Integer.parseInt(values.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, was " + values.get(name), e);
    }
  }

  public Duration seconds(String name) {
    return Duration.ofSeconds(integer(name));
  }

  public Path path(String name) {
    return Path.of(values.get(name));
  }

  public List<String> list(String name) {
    return List.of(values.get(name).split(","));
  }

  public boolean has(String listName, String item) {
    return list(listName).contains(item);
  }
}
