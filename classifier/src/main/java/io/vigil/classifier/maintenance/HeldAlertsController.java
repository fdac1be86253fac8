package io.vigil.classifier.maintenance;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.runtime.streams.KafkaStreamsLifecycle;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only view of the alerts maintenance windows held back ({@code GET /maintenance/held}, {@code
 * GET /maintenance/held/{service}}), answered from this instance's {@code maintenance-held} store
 * by interactive query; a service the configuration does not know is a 404, a store not queryable
 * (starting, rebalancing) a 503 to retry.
 */
@Controller("/maintenance")
@Requires(beans = KafkaStreamsLifecycle.class)
public class HeldAlertsController {

  private final KafkaStreamsLifecycle streams;
  private final LiveConfig live;
  private final Clock clock = Clock.systemUTC();

  public HeldAlertsController(KafkaStreamsLifecycle streams, LiveConfig live) {
    this.streams = streams;
    this.live = live;
  }

  /** Why a request was refused. */
  @Serdeable
  public record ErrorMessage(String message) {}

  @Get("/held")
  public HeldAlerts.Report all() {
    return HeldAlerts.report(store(), live.current(), clock.instant(), Optional.empty());
  }

  @Get("/held/{service}")
  public HttpResponse<?> ofService(@PathVariable String service) {
    VigilConfig document = live.current();
    if (document.service(service).isEmpty()) {
      return HttpResponse.notFound(
          new ErrorMessage(
              "no service '"
                  + service
                  + "' in the configuration; configured: "
                  + document.services().stream()
                      .map(Service::id)
                      .collect(Collectors.joining(", "))));
    }
    return HttpResponse.ok(
        HeldAlerts.report(store(), document, clock.instant(), Optional.of(service)));
  }

  private ReadOnlyKeyValueStore<String, HeldAlert> store() {
    return streams
        .streams()
        .store(
            StoreQueryParameters.fromNameAndType(
                HeldAlert.STORE, QueryableStoreTypes.<String, HeldAlert>keyValueStore()));
  }

  @Error(exception = InvalidStateStoreException.class)
  HttpResponse<ErrorMessage> notQueryable(InvalidStateStoreException e) {
    return HttpResponse.<ErrorMessage>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(
            new ErrorMessage(
                "the classifier's state cannot be read now ("
                    + streams.streams().state()
                    + "): retry in a few seconds"));
  }
}
