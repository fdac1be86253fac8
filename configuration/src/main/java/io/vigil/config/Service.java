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
    @JsonProperty("public") boolean isPublic,
    List<Heartbeat> heartbeats,
    List<MaintenanceWindow> maintenance,
    SupportHours supportHours,
    boolean autoResolve) {

  public Service {
    integrations = integrations == null ? List.of() : List.copyOf(integrations);
    grouping = grouping == null ? new Grouping(null, null, null, null, null, null) : grouping;
    tier = tier == 0 ? 3 : tier;
    heartbeats = heartbeats == null ? List.of() : List.copyOf(heartbeats);
    maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
  }

  /** The integration with that key, if this service has it. */
  public Optional<Integration> integration(String key) {
    return integrations.stream().filter(i -> i.key().equals(key)).findFirst();
  }

  /**
   * An inbound integration and its secret routing key (32 hex characters); optionally a secret for
   * HMAC request signatures and a rate limit.
   */
  public record Integration(
      IntegrationType type, String key, String signingSecret, RateLimit rateLimit) {

    public Integration(IntegrationType type, String key) {
      this(type, key, null, null);
    }
  }

  /**
   * A token bucket: {@code perSecond} alerts refill the bucket, which holds at most {@code burst}.
   */
  public record RateLimit(int perSecond, int burst) {}

  /** A dead-man's switch: a check-in with this id is expected at least every {@code interval}. */
  public record Heartbeat(String id, Duration interval) {}

  /** While a window is active, the service's alerts are kept and counted but page no one. */
  public record MaintenanceWindow(
      java.time.OffsetDateTime start, java.time.OffsetDateTime end, String reason) {}

  /**
   * When people are expected to work on low-urgency incidents: {@code days} (mon..sun, empty =
   * every day) between {@code from} and {@code to} local time in {@code timeZone}.
   */
  public record SupportHours(String timeZone, List<String> days, String from, String to) {

    public SupportHours {
      days = days == null ? List.of() : List.copyOf(days);
      timeZone = timeZone == null ? "UTC" : timeZone;
    }
  }

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

  /**
   * How alerts become incidents: alerts sharing the values of the {@code by} labels within {@code
   * window} form one incident; optionally only once {@code threshold} is reached, collapsed into
   * one storm incident past {@code storm}, held as one flapping incident per {@code flap}, and
   * accepting alerts up to {@code grace} late.
   */
  public record Grouping(
      List<String> by,
      Duration window,
      Threshold threshold,
      Storm storm,
      Flap flap,
      Duration grace) {

    public Grouping {
      by = by == null ? List.of() : List.copyOf(by);
      window = window == null ? Duration.ZERO : window;
      grace = grace == null ? Duration.ZERO : grace;
    }

    public Grouping(List<String> by, Duration window) {
      this(by, window, null, null, null, null);
    }
  }

  /** Open an incident only when {@code count} alerts arrive within {@code within}. */
  public record Threshold(int count, Duration within) {}

  /**
   * More than {@code distinctAlerts} distinct alerts within {@code within} collapse into one storm
   * incident.
   */
  public record Storm(int distinctAlerts, Duration within) {}

  /**
   * An alert that resolves and re-triggers {@code transitions} times within {@code within} is
   * flapping.
   */
  public record Flap(int transitions, Duration within) {}
}
