package io.vigil.ticketstore.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vigil.ticketstore.api.IncidentViews.IncidentDetail;
import io.vigil.ticketstore.api.IncidentViews.IncidentList;
import io.vigil.ticketstore.api.IncidentViews.IncidentSummary;
import io.vigil.ticketstore.change.ServiceChanges;
import io.vigil.ticketstore.sla.SlaReports;
import io.vigil.ticketstore.ticket.TicketLookup;
import io.vigil.ticketstore.ticket.TicketQuery;
import java.util.List;

/**
 * Serves incidents and their timelines read-only under {@code /api/v1/incidents}; a bad filter is a
 * 400 with the reason, an unknown id a 404 naming it.
 */
@Controller("/api/v1/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController {

  private final TicketLookup lookup;
  private final SlaReports sla;
  private final ServiceChanges changes;

  public IncidentController(TicketLookup lookup, SlaReports sla, ServiceChanges changes) {
    this.lookup = lookup;
    this.sla = sla;
    this.changes = changes;
  }

  @Get
  @Operation(summary = "Incidents, filtered and sorted, a page at a time")
  @ApiResponse(responseCode = "200", description = "the matching incidents and the next cursor")
  @ApiResponse(
      responseCode = "400",
      description = "a filter value is not valid; the message says why")
  public IncidentList list(
      @Parameter(description = "TRIGGERED, ACKNOWLEDGED or RESOLVED", example = "TRIGGERED")
          @QueryValue
          @Nullable
          String status,
      @Parameter(description = "a service id", example = "payments") @QueryValue @Nullable
          String service,
      @Parameter(description = "1 to 500, default 50", example = "50") @QueryValue @Nullable
          String limit,
      @Parameter(description = "P1 to P5", example = "P1") @QueryValue @Nullable String priority,
      @Parameter(description = "detected at or after, ISO-8601", example = "2026-03-01T00:00:00Z")
          @QueryValue
          @Nullable
          String from,
      @Parameter(description = "detected before, ISO-8601", example = "2026-03-02T00:00:00Z")
          @QueryValue
          @Nullable
          String to,
      @Parameter(description = "text in the title or dedup key (case-insensitive), or an id")
          @QueryValue
          @Nullable
          String q,
      @Parameter(description = "newest (default), oldest or priority", example = "priority")
          @QueryValue
          @Nullable
          String sort,
      @Parameter(description = "nextCursor of the previous page") @QueryValue @Nullable
          String cursor) {
    TicketQuery query =
        TicketQuery.parse(status, service, limit, priority, from, to, q, sort, cursor);
    TicketLookup.TicketPage page = lookup.page(query);
    List<IncidentSummary> incidents = page.tickets().stream().map(IncidentSummary::of).toList();
    return new IncidentList(
        incidents, incidents.size(), query.limit(), page.nextCursor().orElse(null));
  }

  @Get("/{id}")
  @Operation(
      summary =
          "One incident with its timeline (oldest line first), SLA and the service's changes in"
              + " the 24 hours before detection")
  @ApiResponse(responseCode = "200", description = "the incident")
  @ApiResponse(responseCode = "404", description = "no incident has this id")
  public HttpResponse<?> get(@PathVariable String id) {
    return lookup
        .find(id)
        .<HttpResponse<?>>map(
            t ->
                HttpResponse.ok(
                    IncidentDetail.of(
                        t,
                        lookup.timeline(id),
                        sla.forIncident(id),
                        changes.before(t.serviceId(), t.firstSeen()))))
        .orElseGet(() -> HttpResponse.notFound(new ErrorMessage("no incident '" + id + "'")));
  }
}
