package io.vigil.ticketstore.console;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.config.Schedule;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.oncall.EscalationClient;
import io.vigil.ticketstore.oncall.EscalationUnavailableException;
import io.vigil.ticketstore.oncall.OnCallController.ShiftList;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * On call now: for every schedule of the configuration, who holds it and its shifts over the next
 * two weeks drawn as a timeline, all asked of the escalation service (which owns the schedules);
 * when it cannot answer, the page says so per schedule instead of failing.
 */
@Hidden
@Controller("/oncall")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OnCallPageController {

  static final Duration SPAN = Duration.ofDays(14);

  private final LiveConfig config;
  private final EscalationClient escalation;
  private final JsonMapper json;
  private final ConsolePages pages;

  public OnCallPageController(
      LiveConfig config, EscalationClient escalation, JsonMapper json, ConsolePages pages) {
    this.config = config;
    this.escalation = escalation;
    this.json = json;
    this.pages = pages;
  }

  /** One schedule's card: who is on call now, its drawn shifts, or why they are missing. */
  record ScheduleCard(
      String id, String name, String now, List<ShiftTimeline.Bar> bars, String error) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
    Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant to = from.plus(SPAN);
    List<ScheduleCard> cards = new ArrayList<>();
    for (Schedule schedule : config.current().schedules()) {
      String name =
          schedule.name() == null || schedule.name().isBlank() ? schedule.id() : schedule.name();
      try {
        ShiftList shifts = shifts(schedule.id(), from, to);
        Instant now = Instant.now();
        String holder =
            shifts.shifts().stream()
                .filter(s -> !s.start().isAfter(now) && s.end().isAfter(now))
                .map(s -> s.user())
                .findFirst()
                .orElse("nobody");
        cards.add(
            new ScheduleCard(
                schedule.id(), name, holder, ShiftTimeline.bars(shifts.shifts(), from, to), null));
      } catch (EscalationUnavailableException e) {
        cards.add(new ScheduleCard(schedule.id(), name, "unknown", List.of(), e.getMessage()));
      }
    }
    Map<String, Object> model = pages.base("On call", ConsoleFilter.session(request));
    model.put("schedules", cards);
    model.put("ticks", ShiftTimeline.dayTicks(from, to));
    model.put("width", ShiftTimeline.WIDTH);
    return new ModelAndView<>("oncall", model);
  }

  private ShiftList shifts(String schedule, Instant from, Instant to) {
    EscalationClient.Answer answer =
        escalation.get(
            "/api/v1/schedules/"
                + URLEncoder.encode(schedule, StandardCharsets.UTF_8).replace("+", "%20")
                + "/shifts",
            Map.of("from", from.toString(), "to", to.toString()));
    if (answer.status() != 200) {
      throw escalation.unavailable("answered " + answer.status() + ": " + answer.body(), null);
    }
    try {
      return json.readValue(answer.body(), Argument.of(ShiftList.class));
    } catch (IOException e) {
      throw escalation.unavailable("gave shifts this ticket store cannot read", e);
    }
  }
}
