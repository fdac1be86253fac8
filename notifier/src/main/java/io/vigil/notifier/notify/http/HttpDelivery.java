package io.vigil.notifier.notify.http;

import io.vigil.notifier.notify.SendResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP POST to a user-configured URL: refused by the {@link SsrfGuard} when it points inside
 * the network, bounded by a timeout, never following redirects; 2xx is delivered, 408, 429, 5xx,
 * timeouts and connection failures are worth retrying, anything else is permanent.
 */
public final class HttpDelivery {

  private final HttpClient http;
  private final SsrfGuard guard;

  public HttpDelivery(HttpClient http, SsrfGuard guard) {
    this.http = http;
    this.guard = guard;
  }

  /** A client with {@code connectTimeout} that never follows redirects. */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Posts {@code body} to {@code url} with {@code headers}, waiting at most {@code timeout}. */
  public SendResult post(String url, Map<String, String> headers, String body, Duration timeout) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException | NullPointerException e) {
      return SendResult.permanent("'" + url + "' is not a valid URL: fix the contact method");
    }
    Optional<String> refusal = guard.refusal(uri);
    if (refusal.isPresent()) {
      return SendResult.permanent(refusal.get());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return classify(
          uri,
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (HttpTimeoutException e) {
      return SendResult.retryable(
          "no answer from " + uri + " within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return SendResult.retryable("cannot reach " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.retryable("interrupted sending to " + uri);
    }
  }

  static SendResult classify(URI uri, int status, String body, String retryAfter) {
    if (status >= 200 && status < 300) {
      return SendResult.delivered("HTTP " + status);
    }
    String detail = "HTTP " + status + " from " + uri;
    if (status >= 500 || status == 429 || status == 408) {
      return SendResult.retryable(detail, retryAfterOf(retryAfter));
    }
    if (status >= 300 && status < 400) {
      return SendResult.permanent(detail + ": redirects are not followed; configure the final URL");
    }
    String reason = body == null ? "" : body.strip();
    return SendResult.permanent(
        reason.isEmpty() || reason.length() > 120 ? detail : detail + " (" + reason + ")");
  }

  private static Duration retryAfterOf(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
