package io.vigil.ingest.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns an intake {@link Outcome} into the HTTP answer — 202 with the dedup key(s), or the
 * refusal's status, body and {@code Retry-After} — and counts it: alerts accepted and rejected by
 * service, format and reason, and request latency by format and status.
 */
@Singleton
public class Answers {

  private final MeterRegistry registry;

  public Answers(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The answer to {@code outcome}.
   *
   * @param batch whether the endpoint takes many alerts (answer {@code dedup_keys}) or one
   * @param startNanos {@code System.nanoTime()} when the request arrived
   */
  public HttpResponse<IngestResponse> answer(Outcome outcome, boolean batch, long startNanos) {
    MutableHttpResponse<IngestResponse> response;
    if (outcome instanceof Outcome.Accepted a) {
      counter("vigil.ingest.alerts.accepted", a.format(), a.serviceId(), null)
          .increment(Math.max(1, a.dedupKeys().size()));
      IngestResponse body =
          batch
              ? IngestResponse.success(a.message(), a.dedupKeys())
              : IngestResponse.success(
                  a.message(), a.dedupKeys().isEmpty() ? null : a.dedupKeys().get(0));
      response = HttpResponse.accepted();
      response.body(body);
    } else {
      Outcome.Refused r = (Outcome.Refused) outcome;
      Refusal refusal = r.refusal();
      counter("vigil.ingest.alerts.rejected", r.format(), r.serviceId(), refusal.reason())
          .increment(r.alerts());
      response =
          HttpResponse.<IngestResponse>status(
                  io.micronaut.http.HttpStatus.valueOf(refusal.httpStatus()))
              .body(IngestResponse.refused(refusal.status(), refusal.message(), refusal.errors()));
      if (refusal.retryAfterSeconds() > 0) {
        response.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
      }
      if (refusal.httpStatus() == 401) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"");
      }
    }
    Timer.builder("vigil.ingest.request")
        .description("Time from request arrival to answer, by format and HTTP status")
        .tag("format", outcome.format())
        .tag("status", Integer.toString(response.code()))
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(15))
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
    return response;
  }

  /** Counts a request refused before any intake saw it (e.g. 413), by its path's format. */
  void countRejected(String path, String reason) {
    String format =
        path.contains("alertmanager")
            ? "alertmanager"
            : path.contains("grafana")
                ? "grafana"
                : path.contains("heartbeat")
                    ? "heartbeat"
                    : path.contains("change") ? "change" : "events-v2";
    counter("vigil.ingest.alerts.rejected", format, "unknown", reason).increment();
  }

  private Counter counter(String name, String format, String service, String reason) {
    Counter.Builder b =
        Counter.builder(name)
            .description(
                reason == null
                    ? "Alerts put on Kafka, by service and format"
                    : "Alerts refused, by service, format and reason")
            .tag("format", format)
            .tag("service", service);
    if (reason != null) {
      b.tag("reason", reason);
    }
    return b.register(registry);
  }

  /** The integration key from {@code Authorization: Bearer <key>}, or null. */
  public static String bearer(HttpHeaders headers) {
    String auth = headers.get(HttpHeaders.AUTHORIZATION);
    if (auth == null) {
      return null;
    }
    String trimmed = auth.trim();
    if (trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return trimmed.substring("bearer ".length()).trim();
    }
    return trimmed.isEmpty() ? null : "";
  }

  /** The signature headers (Vigil's or Grafana's names) with the raw body. */
  public static Admission.Signed signed(HttpHeaders headers, byte[] body) {
    String signature = headers.get("X-Vigil-Signature");
    if (signature == null) {
      signature = headers.get("X-Grafana-Alerting-Signature");
    }
    String timestamp = headers.get("X-Vigil-Timestamp");
    if (timestamp == null) {
      timestamp = headers.get("X-Grafana-Alerting-Timestamp");
    }
    return new Admission.Signed(signature, timestamp, body == null ? new byte[0] : body);
  }
}
