package io.vigil.ticketstore.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the console without a browser: it keeps the session cookie, does
 * not follow redirects (so a test sees them), and reads a page's CSRF token.
 */
final class ConsoleHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  String cookie;

  ConsoleHttp(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  HttpResponse<String> get(String path) {
    return send(builder(path).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
    HttpRequest.Builder b =
        builder(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** Signs in with the token and keeps the session cookie; returns the answer. */
  HttpResponse<String> signIn(String token) {
    HttpResponse<String> answer = post("/login", form("token", token, "next", "/"));
    answer
        .headers()
        .firstValue("Set-Cookie")
        .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
    return answer;
  }

  /** The CSRF token of a page's forms. */
  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in the page:\n" + page);
    }
    return m.group(1);
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
