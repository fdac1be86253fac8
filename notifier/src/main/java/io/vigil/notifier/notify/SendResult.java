package io.vigil.notifier.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What one try of one channel sender gave, and whether another try could change it: timeouts, 5xx,
 * 429 and connection failures are worth retrying, any other refusal is permanent.
 *
 * @param status delivered, retryable or permanent
 * @param detail for the timeline, e.g. {@code HTTP 503 from https://hooks.example/alice}
 * @param retryAfter the destination's own {@code Retry-After}, or null
 */
public record SendResult(Status status, String detail, Duration retryAfter) {

  public SendResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public static SendResult delivered(String detail) {
    return new SendResult(Status.DELIVERED, detail, null);
  }

  public static SendResult retryable(String detail) {
    return new SendResult(Status.RETRYABLE, detail, null);
  }

  public static SendResult retryable(String detail, Duration retryAfter) {
    return new SendResult(Status.RETRYABLE, detail, retryAfter);
  }

  public static SendResult permanent(String detail) {
    return new SendResult(Status.PERMANENT, detail, null);
  }

  /** How a try ended. */
  public enum Status {
    DELIVERED,
    RETRYABLE,
    PERMANENT
  }
}
