package io.vigil.ticketstore.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.directory.Masking;
import io.vigil.ticketstore.status.ServiceStates;
import io.vigil.ticketstore.status.ServiceStates.OpenIncidents;
import io.vigil.ticketstore.ticket.TicketLookup;
import io.vigil.ticketstore.ticket.TicketQuery;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The services of the configuration in force: each one's state and open incidents, and on its own
 * page its integrations (keys masked but their last characters: a key is shown whole only once,
 * when it is created), escalation policy, maintenance windows and recent incidents.
 */
@Hidden
@Controller("/services")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServicesPageController {

  private static final int RECENT = 10;

  private final LiveConfig config;
  private final ServiceStates states;
  private final TicketLookup tickets;
  private final ConsolePages pages;

  public ServicesPageController(
      LiveConfig config, ServiceStates states, TicketLookup tickets, ConsolePages pages) {
    this.config = config;
    this.states = states;
    this.tickets = tickets;
    this.pages = pages;
  }

  /** A service as a row: state and open incidents. */
  record ServiceRow(
      String id,
      String name,
      int tier,
      boolean onStatusPage,
      String state,
      int triggered,
      int acknowledged,
      String escalationPolicy) {}

  /** An integration, its key masked. */
  record IntegrationRow(String type, String key, boolean signed) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
    Map<String, OpenIncidents> open = states.openIncidents();
    Instant now = Instant.now();
    Map<String, Object> model = pages.base("Services", ConsoleFilter.session(request));
    model.put(
        "services",
        config.current().services().stream()
            .map(s -> row(s, open.getOrDefault(s.id(), OpenIncidents.NONE), now))
            .toList());
    return new ModelAndView<>("services", model);
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> service(
      HttpRequest<?> request, @PathVariable String id) {
    VigilConfig current = config.current();
    Service service =
        current
            .service(id)
            .orElseThrow(
                () ->
                    new ConsoleRejected(
                        404, "no service '" + id + "' in the configuration; see /services"));
    Instant now = Instant.now();
    ServiceRow row = row(service, states.openIncidents(id), now);
    Map<String, Object> model = pages.base(row.name(), ConsoleFilter.session(request));
    model.put("service", row);
    model.put(
        "integrations",
        service.integrations().stream()
            .map(
                i ->
                    new IntegrationRow(
                        i.type() == null ? "-" : i.type().yamlName(),
                        Masking.key(i.key()),
                        i.signingSecret() != null))
            .toList());
    model.put(
        "maintenance",
        service.maintenance().stream()
            .map(
                w ->
                    IncidentModels.time(w.start().toInstant())
                        + " to "
                        + IncidentModels.time(w.end().toInstant())
                        + Optional.ofNullable(w.reason()).map(r -> ": " + r).orElse(""))
            .toList());
    model.put(
        "recent",
        tickets.list(new TicketQuery(Optional.empty(), Optional.of(id), RECENT)).stream()
            .map(IncidentModels.Row::of)
            .toList());
    return new ModelAndView<>("service", model);
  }

  private static ServiceRow row(Service s, OpenIncidents open, Instant now) {
    return new ServiceRow(
        s.id(),
        s.name() == null || s.name().isBlank() ? s.id() : s.name(),
        s.tier(),
        s.isPublic(),
        ServiceStates.state(s, open, now).label(),
        open.triggered(),
        open.acknowledged(),
        s.escalationPolicy() == null ? "-" : s.escalationPolicy());
  }
}
