package io.vigil.ingest.pagerduty;

import io.vigil.config.Service;
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
 * Accepts one Events API v2 request: parse, validate (the routing key included, PagerDuty-style as
 * a 400 line), signature, rate limit, map, store; the sender hears "success" only once the alert
 * sink has acknowledged the alert.
 */
public final class EventsV2Intake {

  static final String FORMAT = "events-v2";
  private static final Set<Service.IntegrationType> EVENTS_V2 =
      Set.of(Service.IntegrationType.EVENTS_V2);

  private final EnqueueValidator validator;
  private final EnqueueMapper mapper;
  private final Admission admission;
  private final AlertSink sink;
  private final Clock clock;
  private final long retryAfterUnavailable;

  public EventsV2Intake(
      IntegrationKeys keys,
      Admission admission,
      EnqueueMapper mapper,
      AlertSink sink,
      Clock clock,
      long retryAfterUnavailableSeconds) {
    this.validator = new EnqueueValidator(keys);
    this.admission = admission;
    this.mapper = mapper;
    this.sink = sink;
    this.clock = clock;
    this.retryAfterUnavailable = retryAfterUnavailableSeconds;
  }

  /** Handles the raw request body (with its signature headers) and says how it went. */
  public Outcome accept(Admission.Signed signed) {
    Instant receivedAt = clock.instant();
    EnqueueRequest request;
    try {
      request = EnqueueRequestParser.parse(signed.body());
    } catch (EnqueueRequestParser.MalformedEventException e) {
      return new Outcome.Refused(FORMAT, "unknown", Refusal.invalid(List.of(e.getMessage())), 1);
    }
    List<String> errors = validator.validate(request);
    if (!errors.isEmpty()) {
      return new Outcome.Refused(FORMAT, "unknown", Refusal.invalid(errors), 1);
    }
    Admission.Verdict verdict = admission.authenticate(request.routingKey(), EVENTS_V2, signed);
    if (!verdict.admitted()) {
      return new Outcome.Refused(FORMAT, "unknown", verdict.refusal(), 1);
    }
    IntegrationKeys.Integration integration = verdict.integration();
    String service = integration.serviceId();
    Alert alert = mapper.toAlert(request, service, receivedAt);
    Optional<Refusal> throttled = admission.throttle(integration, 1);
    if (throttled.isPresent()) {
      return new Outcome.Refused(FORMAT, service, throttled.get(), 1);
    }
    try {
      sink.publish(alert);
    } catch (AlertSink.AlertsUnavailableException e) {
      return new Outcome.Refused(
          FORMAT, service, Refusal.unavailable(e.getMessage(), retryAfterUnavailable), 1);
    }
    return new Outcome.Accepted(FORMAT, service, List.of(alert.dedupKey()), "Event processed");
  }
}
