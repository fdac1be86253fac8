package io.vigil.escalation.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vigil.config.Schedule;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.schedule.OnCall;
import io.vigil.escalation.schedule.Shifts;
import io.vigil.runtime.config.LiveConfig;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Serves who is on call ({@code GET /api/v1/oncall}) and a schedule's shifts ({@code GET
 * /api/v1/schedules/{id}/shifts}) from the configuration in force at each request, through the pure
 * {@link OnCall} and {@link Shifts}; a bad time or range is a 400 saying what to send, an unknown
 * schedule a 404.
 */
@Controller("/api/v1")
public class OnCallController {

  private final LiveConfig live;
  private final Clock clock;

  @Inject
  public OnCallController(LiveConfig live) {
    this(live, Clock.systemUTC());
  }

  /** With {@code clock} for "now" when a request names no time. */
  OnCallController(LiveConfig live, Clock clock) {
    this.live = live;
    this.clock = clock;
  }

  /** Who is on call for one schedule at an instant. */
  @Serdeable
  public record OnCallAnswer(String schedule, Instant at, @Nullable String user) {}

  /** A schedule's shifts in a range. */
  @Serdeable
  public record ShiftList(String schedule, Instant from, Instant to, List<ShiftView> shifts) {}

  /** One user on call from start (inclusive) to end (exclusive). */
  @Serdeable
  public record ShiftView(String user, Instant start, Instant end) {}

  /** Why a request was refused. */
  @Serdeable
  public record ErrorMessage(String message) {}

  @Get("/oncall")
  @Operation(summary = "Who is on call for a schedule at an instant (default now)")
  @ApiResponse(responseCode = "200", description = "the user on call, or user null when nobody")
  @ApiResponse(responseCode = "400", description = "schedule missing or 'at' not an ISO instant")
  @ApiResponse(responseCode = "404", description = "no such schedule")
  public HttpResponse<?> onCall(
      @Parameter(description = "a schedule id") @QueryValue @Nullable String schedule,
      @Parameter(description = "ISO-8601 instant, e.g. 2026-03-29T07:00:00Z; default now")
          @QueryValue
          @Nullable
          String at) {
    if (schedule == null || schedule.isBlank()) {
      throw new IllegalArgumentException("add ?schedule=<schedule id>");
    }
    Instant when = at == null ? clock.instant() : instant("at", at);
    VigilConfig config = live.current();
    return config
        .schedule(schedule)
        .<HttpResponse<?>>map(
            s -> HttpResponse.ok(new OnCallAnswer(s.id(), when, OnCall.at(s, when).orElse(null))))
        .orElseGet(() -> notFound(config, schedule));
  }

  @Get("/schedules/{id}/shifts")
  @Operation(summary = "The on-call shifts of a schedule between two instants (at most 93 days)")
  @ApiResponse(responseCode = "200", description = "the shifts in order; uncovered time is absent")
  @ApiResponse(
      responseCode = "400",
      description = "from/to missing, not instants, or too far apart")
  @ApiResponse(responseCode = "404", description = "no such schedule")
  public HttpResponse<?> shifts(
      @PathVariable String id,
      @Parameter(description = "ISO-8601 instant; default now") @QueryValue @Nullable String from,
      @Parameter(description = "ISO-8601 instant; default from + 7 days") @QueryValue @Nullable
          String to) {
    Instant start = from == null ? clock.instant() : instant("from", from);
    Instant end = to == null ? start.plus(Duration.ofDays(7)) : instant("to", to);
    VigilConfig config = live.current();
    return config
        .schedule(id)
        .<HttpResponse<?>>map(s -> HttpResponse.ok(list(s, start, end)))
        .orElseGet(() -> notFound(config, id));
  }

  private static ShiftList list(Schedule s, Instant from, Instant to) {
    List<ShiftView> shifts =
        Shifts.between(s, from, to).stream()
            .map(x -> new ShiftView(x.user(), x.start(), x.end()))
            .toList();
    return new ShiftList(s.id(), from, to, shifts);
  }

  private static HttpResponse<ErrorMessage> notFound(VigilConfig config, String schedule) {
    return HttpResponse.notFound(
        new ErrorMessage(
            "no schedule '"
                + schedule
                + "'; configured: "
                + String.join(", ", config.schedules().stream().map(Schedule::id).toList())));
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + ": '" + text + "' is not an ISO-8601 instant like 2026-03-29T07:00:00Z");
    }
  }

  @Error(exception = IllegalArgumentException.class)
  HttpResponse<ErrorMessage> badRequest(IllegalArgumentException e) {
    return HttpResponse.badRequest(new ErrorMessage(e.getMessage()));
  }
}
