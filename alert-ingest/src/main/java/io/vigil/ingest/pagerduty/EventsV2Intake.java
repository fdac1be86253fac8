package io.vigil.ingest.pagerduty;

import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertSink;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Accepts one Events API v2 request: parse, validate, map, store; the sender hears "success" only
 * once the alert sink has acknowledged the alert.
 */
public final class EventsV2Intake {

  private final EnqueueValidator validator;
  private final EnqueueMapper mapper;
  private final RoutingKeys routingKeys;
  private final AlertSink sink;
  private final Clock clock;

  public EventsV2Intake(
      RoutingKeys routingKeys, EnqueueMapper mapper, AlertSink sink, Clock clock) {
    this.routingKeys = routingKeys;
    this.validator = new EnqueueValidator(routingKeys);
    this.mapper = mapper;
    this.sink = sink;
    this.clock = clock;
  }

  /** Handles the raw request body and says how it went. */
  public Outcome accept(String body) {
    Instant receivedAt = clock.instant();
    EnqueueRequest request;
    try {
      request = EnqueueRequestParser.parse(body);
    } catch (EnqueueRequestParser.MalformedEventException e) {
      return new Outcome.Invalid(List.of(e.getMessage()));
    }
    List<String> errors = validator.validate(request);
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    String serviceId = routingKeys.serviceFor(request.routingKey()).orElseThrow();
    Alert alert = mapper.toAlert(request, serviceId, receivedAt);
    try {
      sink.publish(alert);
    } catch (AlertSink.AlertsUnavailableException e) {
      return new Outcome.Unavailable(e.getMessage());
    }
    return new Outcome.Accepted(alert.dedupKey(), alert);
  }

  /** What became of a request. */
  public sealed interface Outcome {

    /** Stored; {@code dedupKey} is the one to use for acknowledge and resolve. */
    record Accepted(String dedupKey, Alert alert) implements Outcome {}

    /** Refused; every line names a field and what is wrong with it. */
    record Invalid(List<String> errors) implements Outcome {}

    /** Valid, but could not be stored in time; the sender should retry. */
    record Unavailable(String message) implements Outcome {}
  }
}
