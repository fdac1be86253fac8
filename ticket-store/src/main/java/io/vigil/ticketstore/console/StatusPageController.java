package io.vigil.ticketstore.console;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.ticketstore.status.PublicStatusPage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /status}: the public status page as HTML for people (on a phone too), showing exactly
 * what {@code /status.json} shows — public services, their state and 90 days, and the public
 * updates of their incidents — without a session and without JavaScript.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusPageController {

  private final PublicStatusPage status;

  public StatusPageController(PublicStatusPage status) {
    this.status = status;
  }

  @Get(value = "/status", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page() {
    PublicStatusPage.Page page = status.build(Instant.now());
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("overall", label(page.state()));
    model.put("updated", IncidentModels.time(page.generatedAt()));
    model.put("labels", LABELS);
    model.put("fmt", ConsoleTime.INSTANCE);
    return new ModelAndView<>("status", model);
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "operational", "Operational",
          "degraded", "Degraded performance",
          "major_outage", "Major outage",
          "maintenance", "Under maintenance",
          "investigating", "Investigating",
          "identified", "Identified",
          "monitoring", "Monitoring",
          "resolved", "Resolved");

  private static String label(String state) {
    return LABELS.getOrDefault(state, state);
  }
}
