package io.vigil.ticketstore.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the bootstrap admin token ({@code VIGIL_ADMIN_TOKEN}, default {@value #LOCAL_DEFAULT}
 * for the local stack only) at start-up under the name {@value #NAME}; an empty value installs
 * none.
 */
@Singleton
public class AdminTokenSeed {

  public static final String NAME = "bootstrap-admin";
  public static final String LOCAL_DEFAULT = "vigil-local-admin-token";

  private static final Logger LOG = LoggerFactory.getLogger(AdminTokenSeed.class);

  private final ApiTokens tokens;
  private final String token;

  public AdminTokenSeed(ApiTokens tokens, @Value("${vigil.api.admin-token:}") String token) {
    this.tokens = tokens;
    this.token = token;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (token == null || token.isBlank()) {
      LOG.info("no bootstrap admin token configured (VIGIL_ADMIN_TOKEN is empty)");
      return;
    }
    tokens.ensure(NAME, Role.ADMIN, token);
    if (LOCAL_DEFAULT.equals(token)) {
      LOG.warn(
          "the bootstrap admin token is the documented local default; set VIGIL_ADMIN_TOKEN"
              + " to a secret outside the local stack");
    }
  }
}
