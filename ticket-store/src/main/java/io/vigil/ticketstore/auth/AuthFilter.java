package io.vigil.ticketstore.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.ticketstore.api.ErrorMessage;
import java.util.Optional;

/**
 * Lets an {@code /api} request through only with a bearer token whose role may make it (401 without
 * a known token, 403 when the role is too weak); reads pass without a token while {@code
 * vigil.api.allow-anonymous-read} is true.
 */
@ServerFilter("/api/**")
public class AuthFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final boolean allowAnonymousRead;

  public AuthFilter(
      ApiTokens tokens,
      @Value("${vigil.api.allow-anonymous-read:true}") boolean allowAnonymousRead) {
    this.tokens = tokens;
    this.allowAnonymousRead = allowAnonymousRead;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  public HttpResponse<ErrorMessage> authenticate(HttpRequest<?> request) {
    Optional<Role> required = AccessPolicy.required(request.getMethod(), request.getPath());
    if (required.isEmpty()) {
      return null;
    }
    String header = request.getHeaders().getAuthorization().orElse(null);
    if (header == null || header.isBlank()) {
      if (AccessPolicy.anonymousAllowed(required.get(), allowAnonymousRead)) {
        request.setAttribute(Caller.ATTRIBUTE, Caller.ANONYMOUS);
        return null;
      }
      return HttpResponse.<ErrorMessage>status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer")
          .body(
              new ErrorMessage(
                  "missing API token: send 'Authorization: Bearer <token>' with a "
                      + required.get().label()
                      + " token"));
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.substring(BEARER.length()).isBlank()) {
      return HttpResponse.<ErrorMessage>status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer")
          .body(
              new ErrorMessage(
                  "the Authorization header must be 'Bearer <token>'; other schemes are not"
                      + " accepted"));
    }
    Optional<Caller> caller = tokens.authenticate(header.substring(BEARER.length()).trim());
    if (caller.isEmpty()) {
      return HttpResponse.<ErrorMessage>status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
          .body(
              new ErrorMessage(
                  "unknown API token: check it, or ask an admin for a new one"
                      + " (POST /api/v1/tokens)"));
    }
    if (!caller.get().role().includes(required.get())) {
      return HttpResponse.<ErrorMessage>status(HttpStatus.FORBIDDEN)
          .body(
              new ErrorMessage(
                  "token '"
                      + caller.get().name()
                      + "' has role "
                      + caller.get().role().label()
                      + "; "
                      + request.getMethod()
                      + " "
                      + request.getPath()
                      + " needs "
                      + required.get().label()));
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    return null;
  }
}
