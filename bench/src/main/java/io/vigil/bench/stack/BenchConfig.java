package io.vigil.bench.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code vigil/v1} document the benchmark runs the stack with: one on-call user whose every
 * page (high and low urgency) goes at once to the page clock's webhook, a one-level policy (one
 * page per incident, no timers), {@code load-*} services for the throughput and latency scenarios
 * and, per run, fresh {@code storm-<run>-*} services with a storm limit — fresh so every run's
 * storm starts from empty windows. Rate limits are lifted; every integration key is fixed and
 * derived from the service's position, so the load generator knows them.
 */
public record BenchConfig(
    int pagePort, int loadServices, int stormRuns, int stormServices, int stormLimit) {

  /** The user every bench service pages. */
  public static final String ONCALL = "bench-oncall";

  public BenchConfig {
    if (loadServices < 1 || stormServices < 1 || stormRuns < 0 || stormLimit < 1) {
      throw new IllegalArgumentException(
          "need ≥ 1 load service, ≥ 1 storm service per run, ≥ 0 storm runs, storm limit ≥ 1");
    }
  }

  /** The ids of the services the throughput and latency scenarios load. */
  public List<String> loadServiceIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < loadServices; i++) {
      ids.add("load-" + i);
    }
    return ids;
  }

  /** The ids of the storm services of run {@code run} (from 1). */
  public List<String> stormServiceIds(int run) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < stormServices; i++) {
      ids.add("storm-" + run + "-" + i);
    }
    return ids;
  }

  /** The Events API v2 routing key of load service {@code i}. */
  public static String eventsKey(String serviceId) {
    return key(1, serviceId);
  }

  /** The Alertmanager integration key of a service. */
  public static String alertmanagerKey(String serviceId) {
    return key(2, serviceId);
  }

  /** 32 lower-case hex: the integration type, then a hash of the service id. */
  private static String key(int type, String serviceId) {
    long h = 1125899906842597L;
    for (char c : serviceId.toCharArray()) {
      h = 31 * h + c;
    }
    return String.format("%08x%08x%016x", 0xbe4c0000 + type, serviceId.length(), h);
  }

  /** The document, as YAML. */
  public String yaml() {
    StringBuilder y = new StringBuilder();
    y.append(
        "# Written by the benchmark (io.vigil.bench.stack.BenchConfig); not for production.\n");
    y.append("apiVersion: vigil/v1\n\n");
    y.append("users:\n");
    y.append("  - id: ").append(ONCALL).append('\n');
    y.append("    name: Bench on-call\n");
    y.append("    timeZone: UTC\n");
    y.append("    contactMethods:\n");
    y.append("      - { id: bench-hook, type: webhook, url: \"http://127.0.0.1:")
        .append(pagePort)
        .append("/vigil/")
        .append(ONCALL)
        .append("\" }\n");
    y.append("    notificationRules:\n");
    y.append("      high: [ { contactMethod: bench-hook, after: 0s } ]\n");
    y.append("      low: [ { contactMethod: bench-hook, after: 0s } ]\n\n");
    y.append("escalationPolicies:\n");
    y.append("  - id: bench\n");
    y.append("    name: Bench (one page per incident)\n");
    y.append("    repeat: 0\n");
    y.append("    levels:\n");
    y.append("      - { targets: [ { user: ").append(ONCALL).append(" } ] }\n\n");
    y.append("services:\n");
    for (String id : loadServiceIds()) {
      service(y, id, null);
    }
    for (int run = 1; run <= stormRuns; run++) {
      for (String id : stormServiceIds(run)) {
        service(y, id, "{ storm: { distinctAlerts: " + stormLimit + ", within: 1h } }");
      }
    }
    y.append("\nclassification:\n");
    y.append(
        "  - { when: { severity: critical }, priority: P1, class: critical, urgency: high }\n");
    y.append("  - { when: {}, priority: P4, class: minor, urgency: low }\n");
    return y.toString();
  }

  private static void service(StringBuilder y, String id, String grouping) {
    String unlimited = "rateLimit: { perSecond: 1000000, burst: 1000000 }";
    y.append("  - id: ").append(id).append('\n');
    y.append("    name: Bench ").append(id).append('\n');
    y.append("    tier: 1\n");
    y.append("    escalationPolicy: bench\n");
    y.append("    integrations:\n");
    y.append("      - { type: events-v2, key: \"")
        .append(eventsKey(id))
        .append("\", ")
        .append(unlimited)
        .append(" }\n");
    y.append("      - { type: alertmanager, key: \"")
        .append(alertmanagerKey(id))
        .append("\", ")
        .append(unlimited)
        .append(" }\n");
    if (grouping != null) {
      y.append("    grouping: ").append(grouping).append('\n');
    }
  }
}
