package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.config.User;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.ticket.TicketLookup;
import java.util.HashMap;
import java.util.Map;

/**
 * An incident's war room: summary, alerts, responders, notes and the full timeline (reloaded for
 * everyone watching whenever the live feed says it changed), and the forms that act on it.
 */
@Hidden
@Controller("/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentPageController {

  private final TicketLookup tickets;
  private final LiveConfig config;
  private final ConsolePages pages;
  private final CommandFeedback feedback;

  public IncidentPageController(
      TicketLookup tickets, LiveConfig config, ConsolePages pages, CommandFeedback feedback) {
    this.tickets = tickets;
    this.config = config;
    this.pages = pages;
    this.feedback = feedback;
  }

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page(
      HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String command) {
    Ticket ticket = find(id);
    Map<String, Object> model = pages.base(ticket.title(), ConsoleFilter.session(request));
    model.put("page", IncidentModels.page(ticket, tickets.timeline(id)));
    model.put("users", config.current().users().stream().map(User::id).toList());
    model.put("feedback", command == null ? null : feedback.of(command));
    model.put("polls", 1);
    model.put("gaveUp", false);
    return new ModelAndView<>("incident", model);
  }

  @Get(value = "/{id}/live", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> live(@PathVariable String id) {
    Map<String, Object> model = new HashMap<>();
    model.put("page", IncidentModels.page(find(id), tickets.timeline(id)));
    return new ModelAndView<>("incident-live", model);
  }

  private Ticket find(String id) {
    return tickets
        .find(id)
        .orElseThrow(
            () -> new ConsoleRejected(404, "Vigil has no incident '" + id + "'; see the list"));
  }
}
