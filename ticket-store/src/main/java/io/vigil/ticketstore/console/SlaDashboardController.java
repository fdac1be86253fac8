package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.ticketstore.sla.SlaReports;
import io.vigil.ticketstore.sla.SlaReports.SlaRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SLA dashboard: mean time to acknowledge and to resolve per service and priority over the last
 * 7, 30 or 90 days with the breach counts, as a table and as bar charts, and each service's weekly
 * trend over the last {@value #WEEKS} weeks, all from the SLA reports the API serves.
 */
@Hidden
@Controller("/sla")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlaDashboardController {

  static final int WEEKS = 8;
  private static final Set<Integer> RANGES = Set.of(7, 30, 90);
  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SlaReports reports;
  private final ConsolePages pages;

  public SlaDashboardController(SlaReports reports, ConsolePages pages) {
    this.reports = reports;
    this.pages = pages;
  }

  /** One row of the table, formatted. */
  record Row(
      String serviceId,
      String priority,
      long acknowledged,
      String mtta,
      long resolved,
      String mttr,
      long acknowledgeBreaches,
      long resolveBreaches) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request, @QueryValue @Nullable Integer days) {
    int range = days != null && RANGES.contains(days) ? days : 30;
    Instant now = Instant.now();
    List<SlaRow> rows = reports.report(now.minus(Duration.ofDays(range)), now, null);
    Map<String, List<SlaRow>> byService = new LinkedHashMap<>();
    for (SlaRow r : rows) {
      byService.computeIfAbsent(r.serviceId(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<SlaCharts.Week>> weeks = weeklyTrend(now);
    List<Map<String, Object>> services = new ArrayList<>();
    byService.forEach(
        (service, own) ->
            services.add(
                Map.of(
                    "id", service,
                    "bars", SlaCharts.bars(service, own),
                    "trend", SlaCharts.trend(service, weeks.getOrDefault(service, List.of())))));
    Map<String, Object> model = pages.base("SLA", ConsoleFilter.session(request));
    model.put("days", range);
    model.put("rows", rows.stream().map(SlaDashboardController::row).toList());
    model.put("services", services);
    model.put("height", SlaCharts.HEIGHT);
    model.put("width", SlaCharts.WIDTH);
    model.put("left", SlaCharts.LEFT);
    model.put("base", SlaCharts.HEIGHT - SlaCharts.BOTTOM);
    model.put("top", SlaCharts.TOP);
    return new ModelAndView<>("sla", model);
  }

  private Map<String, List<SlaCharts.Week>> weeklyTrend(Instant now) {
    Instant end = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    List<String> labels = new ArrayList<>();
    List<Map<String, long[]>> weeks = new ArrayList<>();
    Set<String> services = new java.util.LinkedHashSet<>();
    for (int w = WEEKS - 1; w >= 0; w--) {
      Instant to = end.minus(Duration.ofDays(7L * w));
      Instant from = to.minus(Duration.ofDays(7));
      Map<String, long[]> sums = new LinkedHashMap<>();
      for (SlaRow r : reports.report(from, to, null)) {
        long[] sum = sums.computeIfAbsent(r.serviceId(), k -> new long[4]);
        if (r.mttaMillis() != null) {
          sum[0] += r.mttaMillis() * r.acknowledged();
          sum[1] += r.acknowledged();
        }
        if (r.mttrMillis() != null) {
          sum[2] += r.mttrMillis() * r.resolved();
          sum[3] += r.resolved();
        }
      }
      labels.add(WEEK.format(from));
      weeks.add(sums);
      services.addAll(sums.keySet());
    }
    Map<String, List<SlaCharts.Week>> trend = new LinkedHashMap<>();
    for (String service : services) {
      List<SlaCharts.Week> line = new ArrayList<>();
      for (int i = 0; i < weeks.size(); i++) {
        long[] sum = weeks.get(i).getOrDefault(service, new long[4]);
        line.add(
            new SlaCharts.Week(
                labels.get(i),
                sum[1] == 0 ? null : sum[0] / sum[1],
                sum[3] == 0 ? null : sum[2] / sum[3]));
      }
      trend.put(service, line);
    }
    return trend;
  }

  private static Row row(SlaRow r) {
    return new Row(
        r.serviceId(),
        r.priority(),
        r.acknowledged(),
        SlaCharts.minutes(r.mttaMillis()),
        r.resolved(),
        SlaCharts.minutes(r.mttrMillis()),
        r.acknowledgeBreaches(),
        r.resolveBreaches());
  }
}
