package io.vigil.ticketstore.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.config.Service;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.api.NotFoundException;
import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.auth.Caller;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.ticket.TicketLookup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public updates of an incident under {@code /api/v1/incidents/{id}/status-updates}: a responder
 * posts what the public reads on the status page (only for an incident of a public service), and
 * every post is audited.
 */
@Controller("/api/v1/incidents/{id}/status-updates")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class StatusUpdateController {

  private final TicketLookup tickets;
  private final StatusUpdates updates;
  private final LiveConfig config;
  private final AuditLog audit;

  public StatusUpdateController(
      TicketLookup tickets, StatusUpdates updates, LiveConfig config, AuditLog audit) {
    this.tickets = tickets;
    this.updates = updates;
    this.config = config;
    this.audit = audit;
  }

  /** The body of a post. */
  @Serdeable
  public record NewStatusUpdate(
      @Nullable
          @Schema(
              example = "identified",
              allowableValues = {"investigating", "identified", "monitoring", "resolved"})
          String status,
      @Nullable @Schema(example = "Card payments fail for some customers; a fix is being deployed.")
          String message,
      @Nullable
          @Schema(
              description =
                  "the public title (at most 200 characters); the latest one given is shown,"
                      + " else '<service name> incident'",
              example = "Card payments failing")
          String title) {}

  /** A stored update. */
  @Serdeable
  public record StatusUpdateView(
      long id,
      String incidentId,
      String status,
      String title,
      String message,
      String postedBy,
      Instant at) {

    static StatusUpdateView of(StatusUpdate u) {
      return new StatusUpdateView(
          u.seq(),
          u.incidentId(),
          u.status().label(),
          u.title(),
          u.message(),
          u.postedBy(),
          u.at());
    }
  }

  /** The updates of one incident, newest first. */
  @Serdeable
  public record StatusUpdateList(String incidentId, List<StatusUpdateView> updates) {}

  @Post
  @Operation(
      summary = "Post a public update of the incident for the status page (responder)",
      description =
          "Shown on /status.json with the incident while its service is public. This does not"
              + " change the incident itself: resolve it with POST .../resolve.")
  @ApiResponse(responseCode = "201", description = "posted")
  @ApiResponse(
      responseCode = "400",
      description = "a bad status or message, or the incident's service is not public")
  @ApiResponse(responseCode = "404", description = "no incident has this id")
  public HttpResponse<StatusUpdateView> post(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable NewStatusUpdate body) {
    NewStatusUpdate given = body == null ? new NewStatusUpdate(null, null, null) : body;
    Ticket ticket = ticket(id);
    Caller caller = Caller.of(request);
    StatusUpdate update =
        new StatusUpdate(
            0,
            id,
            PublicStatus.parse(given.status()),
            given.title(),
            given.message(),
            caller.name(),
            Instant.now());
    boolean isPublic =
        config.current().service(ticket.serviceId()).map(Service::isPublic).orElse(false);
    if (!isPublic) {
      throw new IllegalArgumentException(
          "incident '"
              + id
              + "' belongs to service '"
              + ticket.serviceId()
              + "', which is not on the status page; mark the service public: true in the"
              + " configuration first");
    }
    StatusUpdate stored = updates.post(update);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", stored.status().label());
    details.put("updateId", stored.seq());
    audit.record(caller, "incident.status_update", id, details);
    return HttpResponse.created(StatusUpdateView.of(stored));
  }

  @Get
  @Operation(summary = "The incident's public updates, newest first")
  @ApiResponse(responseCode = "404", description = "no incident has this id")
  public StatusUpdateList list(@PathVariable String id) {
    ticket(id);
    return new StatusUpdateList(id, updates.of(id).stream().map(StatusUpdateView::of).toList());
  }

  private Ticket ticket(String id) {
    return tickets.find(id).orElseThrow(() -> new NotFoundException("no incident '" + id + "'"));
  }
}
