package io.vigil.ticketstore;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * Starts the ticket store: Kafka listeners that keep the tickets, and the REST API that serves
 * them.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "vigil-ticket-store",
            version = "v1",
            description = "Incident tickets and their timelines, as applied from Vigil's topics."))
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
