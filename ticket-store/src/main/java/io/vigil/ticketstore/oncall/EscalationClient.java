package io.vigil.ticketstore.oncall;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the escalation service ({@code vigil.escalation.url}, default {@code http://127.0.0.1:8083})
 * its on-call routes within a few seconds; when it cannot be reached, or answers with a server
 * error, the caller gets an {@link EscalationUnavailableException} naming the address and why.
 */
@Singleton
public class EscalationClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final String baseUrl;
  private final HttpClient http;

  public EscalationClient(@Value("${vigil.escalation.url}") String baseUrl) {
    if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
      throw new IllegalArgumentException(
          "vigil.escalation.url (VIGIL_ESCALATION_URL) must be the escalation service's http(s)"
              + " address, e.g. http://127.0.0.1:8083, got '"
              + baseUrl
              + "'");
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** An answer of the escalation service: its status (below 500) and body. */
  public record Answer(int status, String body) {}

  /**
   * {@code GET path?query}, the query made of the non-null {@code parameters}.
   *
   * @throws EscalationUnavailableException when the service is down, slow or failing
   */
  public Answer get(String path, Map<String, String> parameters) {
    Map<String, String> present = new LinkedHashMap<>();
    parameters.forEach(
        (k, v) -> {
          if (v != null) {
            present.put(k, v);
          }
        });
    String query =
        present.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    URI uri = URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unavailable(
          "did not accept a connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw unavailable("did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw unavailable("refused the connection (is it running?)", e);
    } catch (IOException e) {
      throw unavailable(
          "is not reachable ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("was not asked: the request was interrupted", e);
    }
    if (response.statusCode() >= 500) {
      throw unavailable("answered " + response.statusCode(), null);
    }
    return new Answer(response.statusCode(), response.body());
  }

  /** The escalation service's address, as configured. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The error saying the escalation service {@code what}, and where to look. */
  public EscalationUnavailableException unavailable(String what, Throwable cause) {
    return new EscalationUnavailableException(
        "the escalation service at "
            + baseUrl
            + " "
            + what
            + "; on-call data comes from it: check that it runs and that vigil.escalation.url"
            + " (VIGIL_ESCALATION_URL) points at it",
        cause);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
