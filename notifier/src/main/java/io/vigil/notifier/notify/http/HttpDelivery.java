package io.vigil.notifier.notify.http;

import io.vigil.notifier.notify.SendResult;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP POST to a user-configured URL: refused by the {@link SsrfGuard} when it points inside
 * the network, otherwise sent to the very address the guard checked ({@link PinnedHttp}), bounded
 * by a timeout, never following redirects; 2xx is delivered, 408, 429, 5xx, timeouts and connection
 * failures are worth retrying, anything else is permanent.
 */
public final class HttpDelivery {

  private final PinnedHttp http;
  private final SsrfGuard guard;

  public HttpDelivery(PinnedHttp http, SsrfGuard guard) {
    this.http = http;
    this.guard = guard;
  }

  /**
   * A JDK client with {@code connectTimeout} that never follows redirects, for operator-configured
   * endpoints such as the SMS provider (user-configured URLs go through {@link #post}).
   */
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
    SsrfGuard.Verdict verdict = guard.check(uri);
    if (!verdict.allowed()) {
      return SendResult.permanent(verdict.refusal());
    }
    try {
      PinnedHttp.Response response =
          http.post(
              uri,
              verdict.host(),
              verdict.addresses(),
              headers,
              body.getBytes(StandardCharsets.UTF_8),
              timeout);
      return classify(
          uri, response.status(), response.body(), response.headers().get("retry-after"));
    } catch (SocketTimeoutException e) {
      return SendResult.retryable(
          "no answer from " + uri + " within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return SendResult.retryable("cannot reach " + uri + ": " + e);
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
