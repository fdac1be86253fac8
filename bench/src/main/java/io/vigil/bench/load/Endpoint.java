package io.vigil.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Where a batch of alerts goes and in which format: the request for it, and how many alerts one
 * request carries. A 2xx answer means the target accepted every alert of the batch.
 */
public interface Endpoint {

  Duration TIMEOUT = Duration.ofSeconds(15);

  /** A short name for tables: {@code vigil/alertmanager}, {@code vigil/events-v2}, … */
  String name();

  /** The request that sends {@code batch}. */
  HttpRequest request(List<Alert> batch);

  /** Vigil's {@code POST /integrations/alertmanager}; {@code keys} maps a service id to its key. */
  static Endpoint vigilAlertmanager(URI base, Function<String, String> keys) {
    URI uri = base.resolve("/integrations/alertmanager");
    return new Named(
        "vigil/alertmanager-webhook",
        batch ->
            post(uri, Payloads.alertmanagerWebhook(batch))
                .header("Authorization", "Bearer " + keys.apply(batch.get(0).serviceId()))
                .build());
  }

  /** Vigil's {@code POST /v2/enqueue}; one event per request (batch size 1). */
  static Endpoint vigilEventsV2(URI base, Function<String, String> keys) {
    URI uri = base.resolve("/v2/enqueue");
    return new Named(
        "vigil/events-v2",
        batch -> {
          if (batch.size() != 1) {
            throw new IllegalArgumentException(
                "the Events API v2 takes one event per request; use a batch size of 1");
          }
          Alert alert = batch.get(0);
          return post(uri, Payloads.eventsV2(alert, keys.apply(alert.serviceId()))).build();
        });
  }

  /** Prometheus Alertmanager's {@code POST /api/v2/alerts}. */
  static Endpoint alertmanager(URI base) {
    URI uri = base.resolve("/api/v2/alerts");
    return new Named(
        "alertmanager/api-v2", batch -> post(uri, Payloads.alertmanagerApi(batch)).build());
  }

  private static HttpRequest.Builder post(URI uri, byte[] body) {
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** An endpoint made of a name and a request builder. */
  record Named(String name, Function<List<Alert>, HttpRequest> builder) implements Endpoint {
    @Override
    public HttpRequest request(List<Alert> batch) {
      return builder.apply(batch);
    }
  }
}
