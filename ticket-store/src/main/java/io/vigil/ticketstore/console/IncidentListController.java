package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.config.Service;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.status.ServiceStates;
import io.vigil.ticketstore.ticket.TicketLookup;
import io.vigil.ticketstore.ticket.TicketQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's home: the incidents, newest first, filtered by status and service, with the counts
 * of triggered and acknowledged ones; its table body is reloaded whenever the live feed says an
 * incident changed, so a new incident appears without a reload.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentListController {

  private static final int SHOWN = 100;

  private final TicketLookup tickets;
  private final ServiceStates states;
  private final LiveConfig config;
  private final ConsolePages pages;

  public IncidentListController(
      TicketLookup tickets, ServiceStates states, LiveConfig config, ConsolePages pages) {
    this.tickets = tickets;
    this.states = states;
    this.config = config;
    this.pages = pages;
  }

  @Get(value = "/", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request,
      @QueryValue @Nullable String status,
      @QueryValue @Nullable String service) {
    Map<String, Object> model = pages.base("Incidents", ConsoleFilter.session(request));
    model.put("services", config.current().services().stream().map(Service::id).toList());
    model.putAll(rowsModel(status, service));
    return new ModelAndView<>("incidents", model);
  }

  /** The table alone; the address bar follows the filters, so a reload keeps them. */
  @Get(value = "/incidents/rows", produces = MediaType.TEXT_HTML)
  public HttpResponse<ModelAndView<Map<String, Object>>> rows(
      @QueryValue @Nullable String status, @QueryValue @Nullable String service) {
    Map<String, Object> model = rowsModel(status, service);
    return HttpResponse.ok(new ModelAndView<>("incident-rows", model))
        .header(
            "HX-Replace-Url",
            "/?status="
                + URLEncoder.encode((String) model.get("status"), StandardCharsets.UTF_8)
                + "&service="
                + URLEncoder.encode((String) model.get("service"), StandardCharsets.UTF_8));
  }

  private Map<String, Object> rowsModel(String status, String service) {
    String s = blankToEmpty(status);
    String svc = blankToEmpty(service);
    TicketQuery query = TicketQuery.parse(s, svc, String.valueOf(SHOWN));
    List<IncidentModels.Row> rows =
        tickets.list(query).stream().map(IncidentModels.Row::of).toList();
    int triggered = 0;
    int acknowledged = 0;
    for (ServiceStates.OpenIncidents open : states.openIncidents().values()) {
      triggered += open.triggered();
      acknowledged += open.acknowledged();
    }
    return new HashMap<>(
        Map.of(
            "rows", rows,
            "status", s,
            "service", svc,
            "triggered", triggered,
            "acknowledged", acknowledged,
            "shown", SHOWN));
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.trim();
  }
}
