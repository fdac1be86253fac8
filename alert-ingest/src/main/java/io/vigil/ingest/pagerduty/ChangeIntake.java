package io.vigil.ingest.pagerduty;

import io.vigil.config.Service;
import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertLink;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.auth.KeyCheck;
import io.vigil.ingest.change.Change;
import io.vigil.ingest.change.ChangeSink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Accepts one PagerDuty change event ({@code POST /v2/change/enqueue}): an events-v2 routing key,
 * {@code payload.summary} (≤ 1024) required, source, timestamp, custom details and links optional;
 * "success" only once the change is on {@code vigil.changes.v1}.
 */
public final class ChangeIntake {

  static final String FORMAT = "change";
  private static final Set<Service.IntegrationType> EVENTS_V2 =
      Set.of(Service.IntegrationType.EVENTS_V2);

  private final Admission admission;
  private final ChangeSink sink;
  private final Supplier<UUID> ids;
  private final Clock clock;
  private final long retryAfterUnavailable;

  public ChangeIntake(
      Admission admission,
      ChangeSink sink,
      Supplier<UUID> ids,
      Clock clock,
      long retryAfterUnavailableSeconds) {
    this.admission = admission;
    this.sink = sink;
    this.ids = ids;
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
    List<String> errors = validate(request);
    if (!errors.isEmpty()) {
      return new Outcome.Refused(FORMAT, "unknown", Refusal.invalid(errors), 1);
    }
    Admission.Verdict verdict = admission.authenticate(request.routingKey(), EVENTS_V2, signed);
    if (!verdict.admitted()) {
      return new Outcome.Refused(FORMAT, "unknown", verdict.refusal(), 1);
    }
    String service = verdict.integration().serviceId();
    Optional<Refusal> throttled = admission.throttle(verdict.integration(), 1);
    if (throttled.isPresent()) {
      return new Outcome.Refused(FORMAT, service, throttled.get(), 1);
    }
    EnqueueRequest.Payload p = request.payload();
    Change change =
        new Change(
            ids.get().toString(),
            service,
            p.summary(),
            p.source(),
            p.customDetails() == null ? null : EnqueueRequestParser.toJson(p.customDetails()),
            request.links().stream().map(l -> new AlertLink(l.href(), l.text())).toList(),
            EventTimestamps.parse(p.timestamp()).orElse(receivedAt),
            receivedAt);
    try {
      sink.publish(change);
    } catch (AlertSink.AlertsUnavailableException e) {
      return new Outcome.Refused(
          FORMAT, service, Refusal.unavailable(e.getMessage(), retryAfterUnavailable), 1);
    }
    return new Outcome.Accepted(FORMAT, service, List.of(), "Change event processed");
  }

  private List<String> validate(EnqueueRequest request) {
    List<String> errors = new ArrayList<>(request.typeErrors());
    if (request.routingKey() == null || request.routingKey().isBlank()) {
      errors.add("'routing_key' is missing or blank");
    } else if (admission.checkKey(request.routingKey(), EVENTS_V2) instanceof KeyCheck.Refused r) {
      errors.add("Invalid routing key: " + r.message());
    }
    EnqueueRequest.Payload p = request.payload();
    if (p == null || p.summary() == null || p.summary().isBlank()) {
      errors.add("'payload.summary' is missing or blank");
    } else if (p.summary().length() > Alert.MAX_SUMMARY_LENGTH) {
      errors.add(
          "'payload.summary' is longer than "
              + Alert.MAX_SUMMARY_LENGTH
              + " characters ("
              + p.summary().length()
              + ")");
    }
    if (p != null && p.source() != null && p.source().length() > EnqueueValidator.MAX_TEXT) {
      errors.add(
          "'payload.source' is longer than "
              + EnqueueValidator.MAX_TEXT
              + " characters ("
              + p.source().length()
              + ")");
    }
    if (p != null && p.timestamp() != null && EventTimestamps.parse(p.timestamp()).isEmpty()) {
      errors.add(
          "'payload.timestamp' is invalid (must be an ISO-8601 date-time such as"
              + " 2020-07-17T08:42:58.315+0000)");
    }
    for (int i = 0; i < request.links().size(); i++) {
      String href = request.links().get(i).href();
      if (href == null || href.isBlank()) {
        errors.add("'links[" + i + "].href' is missing or blank");
      }
    }
    return errors;
  }
}
