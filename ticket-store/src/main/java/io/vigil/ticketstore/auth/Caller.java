package io.vigil.ticketstore.auth;

import io.micronaut.http.HttpRequest;
import java.util.Objects;

/**
 * Who is acting and how they came in: the name of their token (or the link's user, or the console
 * user), their role, and the channel their credential belongs to, which is what the audit log
 * records as {@code via}.
 */
public record Caller(String name, Role role, boolean anonymous, Via via) {

  /** The request attribute the authentication filter stores the caller under. */
  public static final String ATTRIBUTE = "vigil.caller";

  public static final Caller ANONYMOUS = new Caller("anonymous", Role.VIEWER, true, Via.API);

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(via, "via");
  }

  /** A caller with an API token. */
  public static Caller apiToken(String name, Role role) {
    return new Caller(name, role, false, Via.API);
  }

  /** The user a verified action link was made for; a link may acknowledge or resolve. */
  public static Caller link(String userId) {
    return new Caller(userId, Role.RESPONDER, false, Via.LINK);
  }

  /** A user signed in to the web console, with the role the console grants them. */
  public static Caller console(String userId, Role role) {
    return new Caller(userId, role, false, Via.CONSOLE);
  }

  /** The caller the filter authenticated; requests that skip the filter count as anonymous. */
  public static Caller of(HttpRequest<?> request) {
    return request.getAttribute(ATTRIBUTE, Caller.class).orElse(ANONYMOUS);
  }
}
