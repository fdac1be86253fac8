package io.vigil.ticketstore.status;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;

/**
 * {@code GET /status.json}, public and without a token: only what {@link PublicStatusPage} makes
 * public — public services' states and histories and the public updates of their incidents.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

  private final PublicStatusPage page;

  public StatusController(PublicStatusPage page) {
    this.page = page;
  }

  @Get("/status.json")
  @Operation(
      summary =
          "Public services' states (operational, degraded, major_outage, maintenance), their"
              + " 90-day history and the public updates of their incidents",
      description =
          "A service's state: an open critical incident is major_outage; else an active"
              + " maintenance window is maintenance; else an open major incident is degraded; else"
              + " operational. History: per UTC day, the worst state and the uptime (share of the"
              + " day without a major outage, floored to two decimals). Incidents appear only"
              + " once a responder posted a public update, until 7 days after one said resolved.")
  public PublicStatusPage.Page status() {
    return page.build(Instant.now());
  }
}
