package io.vigil.ticketstore.command;

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
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.api.NotFoundException;
import io.vigil.ticketstore.auth.Caller;
import io.vigil.ticketstore.ticket.TicketLookup;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The human actions on an incident: each is validated (400 with the reason), recorded as pending,
 * put on {@code vigil.incident-commands.v1} with acks=all and audited before the {@code 202}; its
 * fate is read back from {@code GET /api/v1/commands/{id}}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class CommandController {

  private final TicketLookup tickets;
  private final CommandLog commands;
  private final CommandIssuer issuer;
  private final LiveConfig config;

  public CommandController(
      TicketLookup tickets, CommandLog commands, CommandIssuer issuer, LiveConfig config) {
    this.tickets = tickets;
    this.commands = commands;
    this.issuer = issuer;
    this.config = config;
  }

  /** The body of every command; each action reads only its own fields. */
  @Serdeable
  public record CommandBody(
      @Nullable
          @Schema(
              description = "an optional note (ADD_NOTE: use text)",
              example = "looking into it")
          String note,
      @Nullable @Schema(description = "notes: the note", example = "rolled back 1.42") String text,
      @Nullable @Schema(description = "reassign / responders: the user", example = "bob")
          String userId,
      @Nullable @Schema(description = "snooze: ISO-8601 end", example = "2026-03-02T11:00:00Z")
          String until,
      @Nullable
          @Schema(description = "merge: the incident to merge into", example = "payments-1d3f9c2a")
          String targetIncidentId) {

    static final CommandBody EMPTY = new CommandBody(null, null, null, null, null);
  }

  /** {@code 202}: the command is on Kafka. */
  @Serdeable
  public record Accepted(String commandId, String status) {}

  /** {@code GET /api/v1/commands/{id}}. */
  @Serdeable
  public record CommandView(
      String commandId,
      String incidentId,
      String action,
      String actor,
      Instant issuedAt,
      @Schema(allowableValues = {"pending", "applied", "rejected"}) String status,
      String reason,
      Instant decidedAt) {}

  @Post("/incidents/{id}/acknowledge")
  @Operation(summary = "Acknowledge the incident (responder)")
  @ApiResponse(responseCode = "202", description = "on Kafka; poll /api/v1/commands/{commandId}")
  @ApiResponse(responseCode = "400", description = "a field is not valid; the message says why")
  @ApiResponse(responseCode = "401", description = "no or unknown token")
  @ApiResponse(responseCode = "403", description = "the token is only a viewer")
  @ApiResponse(responseCode = "404", description = "no incident has this id")
  public HttpResponse<Accepted> acknowledge(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.ACKNOWLEDGE, body);
  }

  @Post("/incidents/{id}/resolve")
  @Operation(summary = "Resolve the incident (responder)")
  public HttpResponse<Accepted> resolve(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.RESOLVE, body);
  }

  @Post("/incidents/{id}/reassign")
  @Operation(summary = "Reassign the incident to userId (responder)")
  public HttpResponse<Accepted> reassign(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.REASSIGN, body);
  }

  @Post("/incidents/{id}/escalate")
  @Operation(summary = "Escalate to the next level now (responder)")
  public HttpResponse<Accepted> escalate(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.ESCALATE, body);
  }

  @Post("/incidents/{id}/snooze")
  @Operation(summary = "Snooze the incident until a time at most 7 days ahead (responder)")
  public HttpResponse<Accepted> snooze(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.SNOOZE, body);
  }

  @Post("/incidents/{id}/notes")
  @Operation(summary = "Add a note to the timeline (responder)")
  public HttpResponse<Accepted> note(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.ADD_NOTE, body);
  }

  @Post("/incidents/{id}/responders")
  @Operation(summary = "Add userId as a responder (responder)")
  public HttpResponse<Accepted> responder(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.ADD_RESPONDER, body);
  }

  @Post("/incidents/{id}/merge")
  @Operation(summary = "Merge the incident into targetIncidentId (responder)")
  public HttpResponse<Accepted> merge(
      HttpRequest<?> request, @PathVariable String id, @Body @Nullable CommandBody body) {
    return issue(request, id, CommandKind.MERGE, body);
  }

  @Get("/commands/{id}")
  @Operation(summary = "Whether a command is pending, applied or rejected (and why)")
  @ApiResponse(responseCode = "200", description = "the command")
  @ApiResponse(responseCode = "404", description = "no command has this id")
  public CommandView command(@PathVariable String id) {
    CommandLog.CommandRecord c =
        commands.find(id).orElseThrow(() -> new NotFoundException("no command '" + id + "'"));
    return new CommandView(
        c.commandId(),
        c.incidentId(),
        c.action(),
        c.actor(),
        c.issuedAt(),
        c.status().name().toLowerCase(Locale.ROOT),
        c.reason(),
        c.decidedAt());
  }

  private HttpResponse<Accepted> issue(
      HttpRequest<?> request, String incidentId, CommandKind action, CommandBody raw) {
    CommandBody body = raw == null ? CommandBody.EMPTY : raw;
    Caller caller = Caller.of(request);
    Command command =
        new Command(
            UUID.randomUUID().toString(),
            incidentId,
            action,
            caller.name(),
            Instant.now(),
            action == CommandKind.ADD_NOTE ? body.text() : body.note(),
            body.userId(),
            parseUntil(body.until()),
            body.targetIncidentId());
    if (command.userId() != null && config.current().user(command.userId()).isEmpty()) {
      throw new IllegalArgumentException(
          "userId names no user of the configuration: '" + command.userId() + "'");
    }
    if (tickets.find(incidentId).isEmpty()) {
      throw new NotFoundException("no incident '" + incidentId + "'");
    }
    if (action == CommandKind.MERGE && tickets.find(command.targetIncidentId()).isEmpty()) {
      throw new IllegalArgumentException(
          "targetIncidentId names no incident: '" + command.targetIncidentId() + "'");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "note", command.note());
    put(details, "userId", command.userId());
    put(details, "until", command.snoozeUntil() == null ? null : command.snoozeUntil().toString());
    put(details, "targetIncidentId", command.targetIncidentId());
    issuer.issue(command, caller, details, () -> {});
    return HttpResponse.accepted()
        .<Accepted>body(new Accepted(command.commandId(), "pending"))
        .header("Location", "/api/v1/commands/" + command.commandId());
  }

  private static Instant parseUntil(String until) {
    if (until == null || until.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(until.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "until must be an ISO-8601 UTC time like 2026-03-02T11:00:00Z, got '" + until + "'");
    }
  }

  private static void put(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
