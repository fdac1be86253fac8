package io.vigil.ticketstore.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/v1/reports/sla}: MTTA, MTTR and breach counts per service and priority over a
 * range of at most {@value #MAX_DAYS} days (default: the last 7 days).
 */
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlaController {

  static final int MAX_DAYS = 366;

  private final SlaReports reports;

  public SlaController(SlaReports reports) {
    this.reports = reports;
  }

  /** The report. */
  @Serdeable
  public record SlaReport(Instant from, Instant to, String service, List<SlaReports.SlaRow> rows) {}

  @Get("/sla")
  @Operation(summary = "MTTA / MTTR and breach counts per service and priority")
  @ApiResponse(responseCode = "200", description = "the report; means are in milliseconds")
  @ApiResponse(responseCode = "400", description = "a bad time or range; the message says why")
  public SlaReport sla(
      @Parameter(description = "start, ISO-8601, inclusive; default: 7 days before to")
          @QueryValue
          @Nullable
          String from,
      @Parameter(description = "end, ISO-8601, exclusive; default: now") @QueryValue @Nullable
          String to,
      @Parameter(description = "only this service") @QueryValue @Nullable String service) {
    Instant end = blank(to) ? Instant.now() : instant("to", to);
    Instant start = blank(from) ? end.minus(Duration.ofDays(7)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "from must be before to, got from " + start + " and to " + end);
    }
    if (Duration.between(start, end).toDays() > MAX_DAYS) {
      throw new IllegalArgumentException(
          "the range must be at most " + MAX_DAYS + " days; ask for a shorter one");
    }
    String serviceId = blank(service) ? null : service.trim();
    return new SlaReport(start, end, serviceId, reports.report(start, end, serviceId));
  }

  /** Parses a query-string time, or says what was expected. */
  public static Instant instant(String name, String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 UTC time like 2026-03-01T00:00:00Z, got '" + text + "'");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
