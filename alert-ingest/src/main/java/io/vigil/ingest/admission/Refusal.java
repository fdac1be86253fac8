package io.vigil.ingest.admission;

import java.util.List;

/**
 * Why a request was not accepted, as the sender will read it: an HTTP status, a short status word,
 * a message saying what to do, the bad fields, and for 429 and 503 how many seconds to wait.
 *
 * @param httpStatus the HTTP status to answer with
 * @param reason the metrics tag, e.g. {@code invalid}, {@code key_unknown}, {@code throttled}
 * @param status PagerDuty-style short status, e.g. {@code invalid event}
 * @param message what went wrong and what to do
 * @param errors one line per bad field (400 only), else empty
 * @param retryAfterSeconds seconds to wait before retrying (429, 503), else 0
 */
public record Refusal(
    int httpStatus,
    String reason,
    String status,
    String message,
    List<String> errors,
    long retryAfterSeconds) {

  public Refusal {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** 400: the request is invalid; every line names a field and its limit. */
  public static Refusal invalid(List<String> errors) {
    return new Refusal(400, "invalid", "invalid event", "Event object is invalid", errors, 0);
  }

  /** 401: no usable credentials (missing, malformed or unknown key, bad signature). */
  public static Refusal unauthorized(String reason, String message) {
    return new Refusal(401, reason, "unauthorized", message, List.of(), 0);
  }

  /** 403: a valid key used on the wrong endpoint. */
  public static Refusal forbidden(String reason, String message) {
    return new Refusal(403, reason, "forbidden", message, List.of(), 0);
  }

  /** 404: the request names something the service does not have (e.g. a heartbeat id). */
  public static Refusal notFound(String reason, String message) {
    return new Refusal(404, reason, "not found", message, List.of(), 0);
  }

  /** 429: over the integration's rate limit. */
  public static Refusal throttled(String message, long retryAfterSeconds) {
    return new Refusal(429, "throttled", "throttle event", message, List.of(), retryAfterSeconds);
  }

  /** 503: valid, but Kafka did not acknowledge; nothing was stored. */
  public static Refusal unavailable(String message, long retryAfterSeconds) {
    return new Refusal(503, "unavailable", "unavailable", message, List.of(), retryAfterSeconds);
  }
}
