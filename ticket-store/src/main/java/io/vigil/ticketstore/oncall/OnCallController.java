package io.vigil.ticketstore.oncall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.ticketstore.api.ErrorMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/oncall} and {@code /api/v1/schedules/{id}/shifts}: who is on call, answered by
 * the escalation service (which owns the schedules) through its same routes; its 400 and 404 reach
 * the caller as they are, and when it is down the answer is a 503 saying so.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class OnCallController {

  private static final Logger LOG = LoggerFactory.getLogger(OnCallController.class);

  private final EscalationClient escalation;
  private final JsonMapper json;

  public OnCallController(EscalationClient escalation, JsonMapper json) {
    this.escalation = escalation;
    this.json = json;
  }

  /** Who is on call for one schedule at an instant; {@code user} is null when nobody is. */
  @Serdeable
  public record OnCallAnswer(
      @Schema(example = "payments-primary") String schedule,
      Instant at,
      @Nullable @Schema(example = "alice") String user) {}

  /** A schedule's shifts in a range; uncovered time has no shift. */
  @Serdeable
  public record ShiftList(String schedule, Instant from, Instant to, List<Shift> shifts) {}

  /** One user on call from start (inclusive) to end (exclusive). */
  @Serdeable
  public record Shift(String user, Instant start, Instant end) {}

  @Get("/oncall")
  @Operation(
      summary = "Who is on call for a schedule at an instant (default now)",
      description = "Answered by the escalation service (vigil.escalation.url).")
  @ApiResponse(responseCode = "200", description = "the user on call, or user null when nobody")
  @ApiResponse(responseCode = "400", description = "schedule missing or 'at' not an ISO instant")
  @ApiResponse(responseCode = "404", description = "no such schedule")
  @ApiResponse(responseCode = "503", description = "the escalation service is down")
  public HttpResponse<?> onCall(
      @Parameter(description = "a schedule id", example = "payments-primary") @QueryValue @Nullable
          String schedule,
      @Parameter(description = "ISO-8601 instant, e.g. 2026-03-29T07:00:00Z; default now")
          @QueryValue
          @Nullable
          String at) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("schedule", schedule);
    query.put("at", at);
    return relay(escalation.get("/api/v1/oncall", query), OnCallAnswer.class);
  }

  @Get("/schedules/{id}/shifts")
  @Operation(
      summary = "The on-call shifts of a schedule between two instants (at most 93 days)",
      description = "Answered by the escalation service (vigil.escalation.url).")
  @ApiResponse(responseCode = "200", description = "the shifts in order; uncovered time is absent")
  @ApiResponse(responseCode = "400", description = "from/to not instants, or too far apart")
  @ApiResponse(responseCode = "404", description = "no such schedule")
  @ApiResponse(responseCode = "503", description = "the escalation service is down")
  public HttpResponse<?> shifts(
      @PathVariable String id,
      @Parameter(description = "ISO-8601 instant; default now") @QueryValue @Nullable String from,
      @Parameter(description = "ISO-8601 instant; default from + 7 days") @QueryValue @Nullable
          String to) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("from", from);
    query.put("to", to);
    return relay(
        escalation.get(
            "/api/v1/schedules/"
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20")
                + "/shifts",
            query),
        ShiftList.class);
  }

  /** The escalation service's answer, read into its documented shape (or its error message). */
  private <T> HttpResponse<?> relay(EscalationClient.Answer answer, Class<T> type) {
    try {
      if (answer.status() == 200) {
        return HttpResponse.ok(json.readValue(answer.body(), Argument.of(type)));
      }
      ErrorMessage error = json.readValue(answer.body(), Argument.of(ErrorMessage.class));
      if (error == null || error.message() == null) {
        throw new IOException("no message in " + answer.body());
      }
      return HttpResponse.status(HttpStatus.valueOf(answer.status())).body(error);
    } catch (IOException | RuntimeException e) {
      throw escalation.unavailable(
          "gave an answer this ticket store cannot read (status "
              + answer.status()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
  }

  @Error(exception = EscalationUnavailableException.class)
  HttpResponse<ErrorMessage> unavailable(EscalationUnavailableException e) {
    LOG.warn("{}", e.getMessage());
    return HttpResponse.<ErrorMessage>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorMessage(e.getMessage()));
  }
}
