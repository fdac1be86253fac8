package io.vigil.ticketstore;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Starts the ticket store: Kafka listeners that keep the tickets, and the REST API that serves
 * them.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "vigil-ticket-store",
            version = "v1",
            description =
                "Incident tickets and their timelines, commands, SLA reports, reviews and the"
                    + " status page."))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "An API token (roles viewer, responder, admin). The local stack's admin token is"
            + " vigil-local-admin-token (VIGIL_ADMIN_TOKEN).")
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
