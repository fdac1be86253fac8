package io.vigil.ticketstore.auth;

import io.micronaut.http.HttpRequest;
import java.util.Objects;

/**
 * Who is making an API request: the name of their token and its role, or an anonymous reader when
 * anonymous reads are allowed.
 */
public record Caller(String name, Role role, boolean anonymous) {

  /** The request attribute the authentication filter stores the caller under. */
  public static final String ATTRIBUTE = "vigil.caller";

  public static final Caller ANONYMOUS = new Caller("anonymous", Role.VIEWER, true);

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** The caller the filter authenticated; requests that skip the filter count as anonymous. */
  public static Caller of(HttpRequest<?> request) {
    return request.getAttribute(ATTRIBUTE, Caller.class).orElse(ANONYMOUS);
  }
}
