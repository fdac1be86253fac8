package io.vigil.ingest.webhook;

import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.auth.IntegrationKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts one Alertmanager or Grafana webhook notification: key and signature, then the payload,
 * then the rate limit (one token per alert), then every alert onto Kafka — "success" only once all
 * of them are acknowledged, so the sender retries the whole batch otherwise.
 */
public final class WebhookIntake {

  private final WebhookFormat format;
  private final Admission admission;
  private final WebhookParser parser;
  private final WebhookAlerts mapper;
  private final AlertSink sink;
  private final Clock clock;
  private final long retryAfterUnavailable;

  public WebhookIntake(
      WebhookFormat format,
      Admission admission,
      WebhookAlerts mapper,
      AlertSink sink,
      Clock clock,
      long retryAfterUnavailableSeconds) {
    this.format = format;
    this.admission = admission;
    this.parser = new WebhookParser(format);
    this.mapper = mapper;
    this.sink = sink;
    this.clock = clock;
    this.retryAfterUnavailable = retryAfterUnavailableSeconds;
  }

  /**
   * Handles one request.
   *
   * @param bearerKey the integration key from {@code Authorization: Bearer}, or null
   * @param signed the signature headers and the raw body
   */
  public Outcome accept(String bearerKey, Admission.Signed signed) {
    Instant receivedAt = clock.instant();
    Admission.Verdict verdict =
        admission.authenticate(bearerKey, Set.of(format.integrationType()), signed);
    if (!verdict.admitted()) {
      return new Outcome.Refused(format.tag(), "unknown", verdict.refusal(), 1);
    }
    IntegrationKeys.Integration integration = verdict.integration();
    String service = integration.serviceId();
    WebhookParser.Parsed parsed = parser.parse(signed.body());
    if (parsed.batch() == null) {
      return new Outcome.Refused(format.tag(), service, Refusal.invalid(parsed.errors()), 1);
    }
    List<Alert> alerts = mapper.toAlerts(parsed.batch(), service, receivedAt);
    Optional<Refusal> throttled = admission.throttle(integration, alerts.size());
    if (throttled.isPresent()) {
      return new Outcome.Refused(format.tag(), service, throttled.get(), alerts.size());
    }
    try {
      sink.publishAll(alerts);
    } catch (AlertSink.AlertsUnavailableException e) {
      return new Outcome.Refused(
          format.tag(),
          service,
          Refusal.unavailable(e.getMessage(), retryAfterUnavailable),
          alerts.size());
    }
    return new Outcome.Accepted(
        format.tag(),
        service,
        alerts.stream().map(Alert::dedupKey).toList(),
        alerts.size() == 1 ? "1 alert processed" : alerts.size() + " alerts processed");
  }
}
