package io.vigil.ingest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.config.Service;
import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.auth.IntegrationKeys;
import io.vigil.ingest.auth.Signatures;
import io.vigil.ingest.change.ChangeSink;
import io.vigil.ingest.heartbeat.HeartbeatIntake;
import io.vigil.ingest.pagerduty.ChangeIntake;
import io.vigil.ingest.pagerduty.EnqueueMapper;
import io.vigil.ingest.pagerduty.EventsV2Intake;
import io.vigil.ingest.throttle.RateLimiter;
import io.vigil.ingest.webhook.WebhookAlerts;
import io.vigil.ingest.webhook.WebhookFormat;
import io.vigil.ingest.webhook.WebhookIntake;
import io.vigil.runtime.config.LiveConfig;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Wires the plain domain classes of alert-ingest to the configuration and the Kafka sinks. */
@Factory
public class IngestFactory {

  private final Clock clock = Clock.systemUTC();
  private final long retryAfterUnavailable;

  public IngestFactory(
      @Value("${vigil.ingest.retry-after-unavailable:5s}") Duration retryAfterUnavailable) {
    this.retryAfterUnavailable = Math.max(1, retryAfterUnavailable.toSeconds());
  }

  /**
   * Eager, so a bad configuration document stops the service at start, not at first request; keys
   * added or revoked through the configuration API are known from the next request on.
   */
  @Context
  IntegrationKeys integrationKeys(LiveConfig config) {
    IntegrationKeys keys = IntegrationKeys.of(config.current());
    config.onChange(keys::reload);
    return keys;
  }

  @Singleton
  Admission admission(
      IntegrationKeys keys,
      @Value("${vigil.ingest.rate-limit.per-second:5000}") int perSecond,
      @Value("${vigil.ingest.rate-limit.burst:20000}") int burst) {
    return new Admission(
        keys,
        new Signatures(clock),
        new RateLimiter(new Service.RateLimit(perSecond, burst), System::nanoTime));
  }

  @Singleton
  EventsV2Intake eventsV2Intake(IntegrationKeys keys, Admission admission, AlertSink sink) {
    return new EventsV2Intake(
        keys, admission, EnqueueMapper.withRandomIds(), sink, clock, retryAfterUnavailable);
  }

  @Singleton
  ChangeIntake changeIntake(Admission admission, ChangeSink sink) {
    return new ChangeIntake(admission, sink, UUID::randomUUID, clock, retryAfterUnavailable);
  }

  @Singleton
  HeartbeatIntake heartbeatIntake(Admission admission, AlertSink sink) {
    return new HeartbeatIntake(admission, sink, UUID::randomUUID, clock, retryAfterUnavailable);
  }

  @Singleton
  @Named("alertmanager")
  WebhookIntake alertmanagerIntake(Admission admission, AlertSink sink) {
    return webhook(WebhookFormat.ALERTMANAGER, admission, sink);
  }

  @Singleton
  @Named("grafana")
  WebhookIntake grafanaIntake(Admission admission, AlertSink sink) {
    return webhook(WebhookFormat.GRAFANA, admission, sink);
  }

  private WebhookIntake webhook(WebhookFormat format, Admission admission, AlertSink sink) {
    return new WebhookIntake(
        format,
        admission,
        new WebhookAlerts(format, UUID::randomUUID),
        sink,
        clock,
        retryAfterUnavailable);
  }
}
