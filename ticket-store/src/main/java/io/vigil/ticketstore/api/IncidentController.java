package io.vigil.ticketstore.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vigil.ticketstore.api.IncidentViews.ErrorMessage;
import io.vigil.ticketstore.api.IncidentViews.IncidentDetail;
import io.vigil.ticketstore.api.IncidentViews.IncidentList;
import io.vigil.ticketstore.api.IncidentViews.IncidentSummary;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import io.vigil.ticketstore.ticket.TicketLookup;
import io.vigil.ticketstore.ticket.TicketQuery;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves incidents and their timelines read-only under {@code /api/v1/incidents}; a bad filter is a
 * 400 with the reason, an unknown id a 404 naming it.
 */
@Controller("/api/v1/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentController.class);

  private final TicketLookup lookup;

  public IncidentController(TicketLookup lookup) {
    this.lookup = lookup;
  }

  @Get
  @Operation(summary = "Incidents, newest first")
  @ApiResponse(responseCode = "200", description = "the matching incidents")
  @ApiResponse(
      responseCode = "400",
      description = "a filter value is not valid; the message says why")
  public IncidentList list(
      @Parameter(description = "TRIGGERED, ACKNOWLEDGED or RESOLVED") @QueryValue @Nullable
          String status,
      @Parameter(description = "a service id") @QueryValue @Nullable String service,
      @Parameter(description = "1 to 500, default 50") @QueryValue @Nullable String limit) {
    TicketQuery query = TicketQuery.parse(status, service, limit);
    List<IncidentSummary> incidents = lookup.list(query).stream().map(IncidentSummary::of).toList();
    return new IncidentList(incidents, incidents.size(), query.limit());
  }

  @Get("/{id}")
  @Operation(summary = "One incident with its timeline, oldest line first")
  @ApiResponse(responseCode = "200", description = "the incident")
  @ApiResponse(responseCode = "404", description = "no incident has this id")
  public HttpResponse<?> get(@PathVariable String id) {
    return lookup
        .find(id)
        .<HttpResponse<?>>map(t -> HttpResponse.ok(IncidentDetail.of(t, lookup.timeline(id))))
        .orElseGet(() -> HttpResponse.notFound(new ErrorMessage("no incident '" + id + "'")));
  }

  @Error(exception = IllegalArgumentException.class)
  HttpResponse<ErrorMessage> badRequest(IllegalArgumentException e) {
    return HttpResponse.badRequest(new ErrorMessage(e.getMessage()));
  }

  @Error(exception = StoreUnavailableException.class)
  HttpResponse<ErrorMessage> unavailable(StoreUnavailableException e) {
    LOG.error("ticket database unavailable: {}", e.getMessage(), e);
    return HttpResponse.<ErrorMessage>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorMessage("the ticket database is unavailable; try again shortly"));
  }
}
