package io.vigil.ingest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.vigil.config.VigilConfig;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.pagerduty.EnqueueMapper;
import io.vigil.ingest.pagerduty.EventsV2Intake;
import io.vigil.ingest.pagerduty.RoutingKeys;
import java.time.Clock;

/** Wires the plain domain classes of alert-ingest to the configuration and the Kafka sink. */
@Factory
public class IngestFactory {

  /** Eager, so a bad configuration document stops the service at start, not at first request. */
  @Context
  EventsV2Intake eventsV2Intake(VigilConfig config, AlertSink sink) {
    return new EventsV2Intake(
        RoutingKeys.of(config), EnqueueMapper.withRandomIds(), sink, Clock.systemUTC());
  }
}
