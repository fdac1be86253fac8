package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.ticketstore.auth.Caller;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lets a console request through only with a live session (else a GET goes to the sign-in page,
 * anything else gets 401), puts the session's caller on the request as the audit log expects, and
 * refuses a POST whose {@code Origin} is another site (the SameSite=Strict cookie is the first
 * defence, each form's CSRF token the third).
 */
@ServerFilter({
  "/",
  "/incidents/**",
  "/commands/**",
  "/events",
  "/oncall/**",
  "/services/**",
  "/sla/**",
  "/logout"
})
public class ConsoleFilter {

  /** The cookie holding the session id. */
  public static final String COOKIE = "vigil_session";

  /** The request attribute holding the {@link ConsoleSessions.Session}. */
  public static final String SESSION = "vigil.console.session";

  private final ConsoleSessions sessions;

  public ConsoleFilter(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  public HttpResponse<?> authenticate(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.GET && !sameOrigin(request)) {
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.TEXT_PLAIN_TYPE)
          .body("this form was sent from another site; open Vigil and send it from there");
    }
    Optional<ConsoleSessions.Session> session =
        request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(sessions::find);
    if (session.isEmpty()) {
      if (request.getMethod() == HttpMethod.GET && !request.getHeaders().contains("HX-Request")) {
        return HttpResponse.seeOther(URI.create("/login?next=" + encode(request.getPath())));
      }
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .header("HX-Redirect", "/login")
          .contentType(MediaType.TEXT_PLAIN_TYPE)
          .body("your console session ended; sign in again");
    }
    request.setAttribute(SESSION, session.get());
    request.setAttribute(Caller.ATTRIBUTE, session.get().caller());
    return null;
  }

  /** The session the filter found; only console routes behind it may ask. */
  public static ConsoleSessions.Session session(HttpRequest<?> request) {
    return request
        .getAttribute(SESSION, ConsoleSessions.Session.class)
        .orElseThrow(() -> new IllegalStateException("no console session on " + request.getPath()));
  }

  /** Whether a state-changing request came from a page of this very host, when it says so. */
  static boolean sameOrigin(HttpRequest<?> request) {
    String origin = request.getHeaders().get("Origin");
    if (origin == null || origin.isBlank()) {
      return true;
    }
    String host = request.getHeaders().get("Host");
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String encode(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }
}
