package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to the console with an API token and out again: the token is checked once and never
 * kept by the browser, which holds only a session id in an HttpOnly, SameSite=Strict cookie.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {

  private final ConsoleSessions sessions;
  private final ConsolePages pages;

  public LoginController(ConsoleSessions sessions, ConsolePages pages) {
    this.sessions = sessions;
    this.pages = pages;
  }

  @Get(value = "/login", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> form(@QueryValue @Nullable String next) {
    return new ModelAndView<>("login", model(next, null));
  }

  @Post(value = "/login", produces = MediaType.TEXT_HTML)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
    String next = safeNext(form.get("next"));
    Optional<ConsoleSessions.Session> session = sessions.open(form.get("token"));
    if (session.isEmpty()) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .body(
              new ModelAndView<>(
                  "login",
                  model(
                      next,
                      "That API token is unknown: check it, or ask an admin for a new one.")));
    }
    return HttpResponse.seeOther(URI.create(next))
        .cookie(
            Cookie.of(ConsoleFilter.COOKIE, session.get().id())
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(request.isSecure())
                .path("/")
                .maxAge(ConsoleSessions.LIFETIME));
  }

  @Post(value = "/logout", produces = MediaType.TEXT_HTML)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
    ConsoleSessions.Session session = ConsoleFilter.session(request);
    pages.requireCsrf(session, form);
    sessions.close(session.id());
    return HttpResponse.seeOther(URI.create("/login"))
        .cookie(
            Cookie.of(ConsoleFilter.COOKIE, "")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .path("/")
                .maxAge(0));
  }

  private Map<String, Object> model(String next, String error) {
    Map<String, Object> model = new HashMap<>(pages.base("Sign in", null));
    model.put("next", safeNext(next));
    model.put("error", error);
    return model;
  }

  /** Only a path on this site, so the sign-in page cannot send anyone elsewhere. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
  }
}
