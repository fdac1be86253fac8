package io.vigil.ticketstore.directory;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.api.NotFoundException;
import io.vigil.ticketstore.directory.DirectoryViews.IntegrationView;
import io.vigil.ticketstore.directory.DirectoryViews.MaintenanceView;
import io.vigil.ticketstore.directory.DirectoryViews.OpenCounts;
import io.vigil.ticketstore.directory.DirectoryViews.PolicyView;
import io.vigil.ticketstore.directory.DirectoryViews.ServiceDetail;
import io.vigil.ticketstore.directory.DirectoryViews.ServiceList;
import io.vigil.ticketstore.directory.DirectoryViews.ServiceSummary;
import io.vigil.ticketstore.status.ServiceStates;
import io.vigil.ticketstore.status.ServiceStates.OpenIncidents;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/v1/services} and {@code /api/v1/services/{id}}: the services of the configuration
 * in force now with their state and open incidents from the tickets; integration keys show only
 * their last four characters; an unknown id is a 404.
 */
@Controller("/api/v1/services")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class ServiceController {

  private final LiveConfig config;
  private final ServiceStates states;

  public ServiceController(LiveConfig config, ServiceStates states) {
    this.config = config;
    this.states = states;
  }

  @Get
  @Operation(summary = "Every service with its state and open incident counts")
  @ApiResponse(responseCode = "200", description = "the services, in the configuration's order")
  public ServiceList list() {
    VigilConfig now = config.current();
    Instant at = Instant.now();
    Map<String, OpenIncidents> open = states.openIncidents();
    return new ServiceList(
        now.services().stream()
            .map(
                s -> {
                  OpenIncidents o = open.getOrDefault(s.id(), OpenIncidents.NONE);
                  return new ServiceSummary(
                      s.id(),
                      DirectoryViews.displayName(s.name(), s.id()),
                      s.tier(),
                      s.isPublic(),
                      ServiceStates.state(s, o, at).label(),
                      OpenCounts.of(o),
                      s.escalationPolicy());
                })
            .toList());
  }

  @Get("/{id}")
  @Operation(
      summary =
          "One service: state, open incidents, integrations (keys masked), escalation policy and"
              + " maintenance windows")
  @ApiResponse(responseCode = "200", description = "the service")
  @ApiResponse(responseCode = "404", description = "no service has this id")
  public ServiceDetail get(@PathVariable String id) {
    VigilConfig now = config.current();
    Service s =
        now.service(id)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no service '"
                            + id
                            + "' in the configuration; GET /api/v1/services lists them"));
    Instant at = Instant.now();
    OpenIncidents open = states.openIncidents(s.id());
    return new ServiceDetail(
        s.id(),
        DirectoryViews.displayName(s.name(), s.id()),
        s.tier(),
        s.isPublic(),
        ServiceStates.state(s, open, at).label(),
        OpenCounts.of(open),
        s.integrations().stream().map(IntegrationView::of).toList(),
        s.escalationPolicy() == null
            ? null
            : now.escalationPolicy(s.escalationPolicy()).map(PolicyView::of).orElse(null),
        s.maintenance().stream().map(w -> MaintenanceView.of(w, at)).toList());
  }
}
