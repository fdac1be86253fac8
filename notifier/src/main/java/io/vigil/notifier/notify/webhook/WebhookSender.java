package io.vigil.notifier.webhook;

import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.ChannelSender;
import io.vigil.notifier.page.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Delivers a page as an HTTP POST of JSON to the contact method's URL, with a {@code
 * Vigil-Delivery-Id} header receivers can dedupe on; 5xx, 429, timeouts and connection failures are
 * retried with exponential backoff, any other answer is final.
 */
public final class WebhookSender implements ChannelSender {

  /** The header carrying the attempt id, identical on every retry. */
  public static final String DELIVERY_ID_HEADER = "Vigil-Delivery-Id";

  private final HttpClient http;
  private final Duration timeout;
  private final RetryPolicy retry;

  public WebhookSender(HttpClient http, Duration timeout, RetryPolicy retry) {
    this.http = http;
    this.timeout = timeout;
    this.retry = retry;
  }

  @Override
  public Delivery deliver(Attempt attempt) {
    URI url;
    try {
      url = URI.create(attempt.contactMethod().url());
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Delivery(
          Delivery.Outcome.FAILED,
          0,
          "contact method "
              + attempt.contactMethod().id()
              + " has no valid url: "
              + e.getMessage());
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header(DELIVERY_ID_HEADER, attempt.id())
            .POST(HttpRequest.BodyPublishers.ofString(WebhookBody.of(attempt)))
            .build();
    TryResult last = null;
    for (int tryNumber = 1; tryNumber <= retry.tries(); tryNumber++) {
      last = send(request);
      if (!last.retryable()) {
        return new Delivery(last.outcome(), tryNumber, last.detail());
      }
      if (tryNumber < retry.tries() && !pause(retry.delayAfter(tryNumber))) {
        return new Delivery(
            Delivery.Outcome.FAILED, tryNumber, last.detail() + "; interrupted before retrying");
      }
    }
    return new Delivery(
        Delivery.Outcome.FAILED,
        retry.tries(),
        last.detail() + " after " + retry.tries() + " tries");
  }

  private TryResult send(HttpRequest request) {
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        return new TryResult(Delivery.Outcome.DELIVERED, false, "HTTP " + status);
      }
      boolean retryable = status >= 500 || status == 429;
      return new TryResult(
          Delivery.Outcome.FAILED, retryable, "HTTP " + status + " from " + request.uri());
    } catch (HttpTimeoutException e) {
      return new TryResult(
          Delivery.Outcome.FAILED,
          true,
          "no answer from " + request.uri() + " within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return new TryResult(
          Delivery.Outcome.FAILED, true, "cannot reach " + request.uri() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TryResult(
          Delivery.Outcome.FAILED, false, "interrupted sending to " + request.uri());
    }
  }

  private static boolean pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One send's result, and whether another try could change it. */
  private record TryResult(Delivery.Outcome outcome, boolean retryable, String detail) {}
}
