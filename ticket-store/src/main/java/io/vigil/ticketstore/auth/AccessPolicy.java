package io.vigil.ticketstore.auth;

import io.micronaut.http.HttpMethod;
import java.util.Optional;

/**
 * Which role each API route needs: reads need a viewer (or nobody, when anonymous reads are
 * allowed), actions and reviews a responder, tokens, the audit log and the configuration an admin.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** The role the route needs, or empty for a route outside {@code /api}. */
  public static Optional<Role> required(HttpMethod method, String path) {
    if (!path.startsWith("/api/")) {
      return Optional.empty();
    }
    if (path.startsWith("/api/v1/tokens")
        || path.startsWith("/api/v1/audit")
        || path.startsWith("/api/v1/config")) {
      return Optional.of(Role.ADMIN);
    }
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return Optional.of(Role.VIEWER);
    }
    return Optional.of(Role.RESPONDER);
  }

  /** Whether a request without a token may pass: only reads a viewer could make, when allowed. */
  public static boolean anonymousAllowed(Role required, boolean allowAnonymousRead) {
    return allowAnonymousRead && required == Role.VIEWER;
  }
}
