package io.vigil.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A monitored service: where its alerts come in (integrations), how they group, how important it is
 * (tier 1 most), and who is paged for it (escalation policy).
 */
public record Service(
    String id,
    String name,
    int tier,
    String escalationPolicy,
    List<Integration> integrations,
    Grouping grouping,
    @JsonProperty("public") boolean isPublic) {

  public Service {
    integrations = integrations == null ? List.of() : List.copyOf(integrations);
    grouping = grouping == null ? new Grouping(null, null) : grouping;
    tier = tier == 0 ? 3 : tier;
  }

  /** The integration with that key, if this service has it. */
  public Optional<Integration> integration(String key) {
    return integrations.stream().filter(i -> i.key().equals(key)).findFirst();
  }

  /** An inbound integration and its secret routing key (32 hex characters). */
  public record Integration(IntegrationType type, String key) {}

  /** The kinds of monitoring tool that can send alerts. */
  public enum IntegrationType {
    EVENTS_V2,
    ALERTMANAGER,
    GRAFANA;

    /** Reads {@code events-v2}, {@code alertmanager} or {@code grafana}. */
    @JsonCreator
    public static IntegrationType fromYaml(String text) {
      for (IntegrationType t : values()) {
        if (t.yamlName().equals(text)) {
          return t;
        }
      }
      throw new IllegalArgumentException(
          "unknown integration type '" + text + "': use events-v2, alertmanager or grafana");
    }

    /** The name used in the YAML document. */
    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Alerts sharing the values of the {@code by} labels within {@code window} form one incident. */
  public record Grouping(List<String> by, Duration window) {

    public Grouping {
      by = by == null ? List.of() : List.copyOf(by);
      window = window == null ? Duration.ZERO : window;
    }
  }
}
