package io.vigil.ingest.heartbeat;

import io.vigil.config.Service;
import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertAction;
import io.vigil.ingest.alert.AlertSeverity;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.alert.SourceFormat;
import io.vigil.ingest.auth.IntegrationKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records a dead-man's-switch check-in: any integration key of a service may check in one of that
 * service's configured heartbeats, which becomes a HEARTBEAT alert whose dedup key is the heartbeat
 * id; the classifier opens an incident when one is overdue.
 */
public final class HeartbeatIntake {

  static final String FORMAT = "heartbeat";

  private final Admission admission;
  private final AlertSink sink;
  private final Supplier<UUID> ids;
  private final Clock clock;
  private final long retryAfterUnavailable;

  public HeartbeatIntake(
      Admission admission,
      AlertSink sink,
      Supplier<UUID> ids,
      Clock clock,
      long retryAfterUnavailableSeconds) {
    this.admission = admission;
    this.sink = sink;
    this.ids = ids;
    this.clock = clock;
    this.retryAfterUnavailable = retryAfterUnavailableSeconds;
  }

  /**
   * Handles one check-in.
   *
   * @param heartbeatId the id from the path
   * @param key the integration key (Bearer header or {@code routing_key} parameter), or null
   */
  public Outcome accept(String heartbeatId, String key, Admission.Signed signed) {
    Instant receivedAt = clock.instant();
    Admission.Verdict verdict =
        admission.authenticate(key, EnumSet.allOf(Service.IntegrationType.class), signed);
    if (!verdict.admitted()) {
      return new Outcome.Refused(FORMAT, "unknown", verdict.refusal(), 1);
    }
    IntegrationKeys.Integration integration = verdict.integration();
    String service = integration.serviceId();
    if (!integration.heartbeatIds().contains(heartbeatId)) {
      return new Outcome.Refused(
          FORMAT,
          service,
          Refusal.notFound(
              "unknown_heartbeat",
              "no heartbeat '"
                  + abbreviate(heartbeatId)
                  + "' is configured for service "
                  + service
                  + "; configured: "
                  + integration.heartbeatIds()
                  + " (add it under services[].heartbeats with its interval)"),
          1);
    }
    Optional<Refusal> throttled = admission.throttle(integration, 1);
    if (throttled.isPresent()) {
      return new Outcome.Refused(FORMAT, service, throttled.get(), 1);
    }
    Alert alert =
        new Alert(
            ids.get().toString(),
            AlertAction.HEARTBEAT,
            service,
            heartbeatId,
            SourceFormat.valueOf(integration.type().name()),
            AlertSeverity.INFO,
            "Heartbeat " + heartbeatId,
            null,
            null,
            null,
            null,
            Map.of("heartbeat", heartbeatId),
            null,
            List.of(),
            null,
            null,
            receivedAt,
            receivedAt);
    try {
      sink.publish(alert);
    } catch (AlertSink.AlertsUnavailableException e) {
      return new Outcome.Refused(
          FORMAT, service, Refusal.unavailable(e.getMessage(), retryAfterUnavailable), 1);
    }
    return new Outcome.Accepted(FORMAT, service, List.of(heartbeatId), "Heartbeat recorded");
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
