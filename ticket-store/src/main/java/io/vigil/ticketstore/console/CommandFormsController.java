package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.command.Command;
import io.vigil.ticketstore.command.CommandIssuer;
import io.vigil.ticketstore.command.CommandKind;
import io.vigil.ticketstore.ticket.TicketLookup;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The incident page's forms: each sends one command the way the API does ({@link CommandIssuer},
 * audited as {@code console}) and answers with its feedback, which keeps asking the command log
 * until the command is applied or rejected. Without JavaScript the form posts and comes back to the
 * incident page showing the same feedback.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CommandFormsController {

  private final TicketLookup tickets;
  private final CommandIssuer issuer;
  private final CommandFeedback feedback;
  private final LiveConfig config;
  private final ConsolePages pages;

  public CommandFormsController(
      TicketLookup tickets,
      CommandIssuer issuer,
      CommandFeedback feedback,
      LiveConfig config,
      ConsolePages pages) {
    this.tickets = tickets;
    this.issuer = issuer;
    this.feedback = feedback;
    this.config = config;
    this.pages = pages;
  }

  @Post(value = "/incidents/{id}/commands/{action}", produces = MediaType.TEXT_HTML)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> send(
      HttpRequest<?> request,
      @PathVariable String id,
      @PathVariable String action,
      @Body Map<String, String> form) {
    ConsoleSessions.Session session = ConsoleFilter.session(request);
    pages.requireCsrf(session, form);
    pages.requireResponder(session);
    if (tickets.find(id).isEmpty()) {
      throw new ConsoleRejected(404, "Vigil has no incident '" + id + "'; see the list");
    }
    CommandFeedback.Feedback answer;
    HttpStatus status = HttpStatus.OK;
    try {
      Command command = command(id, kind(action), session, form);
      issuer.issue(command, session.caller(), details(command), () -> {});
      answer = feedback.of(command.commandId());
    } catch (IllegalArgumentException e) {
      answer = CommandFeedback.error("Not sent: " + e.getMessage());
      status = HttpStatus.BAD_REQUEST;
    } catch (RuntimeException e) {
      answer = CommandFeedback.error("Not sent: Kafka did not take the command; try again shortly");
      status = HttpStatus.SERVICE_UNAVAILABLE;
    }
    if (request.getHeaders().contains("HX-Request")) {
      return HttpResponse.status(status)
          .body(
              new ModelAndView<>(
                  "command-feedback", Map.of("feedback", answer, "polls", 1, "gaveUp", false)));
    }
    if (answer.commandId() == null) {
      throw new ConsoleRejected(status.getCode(), answer.message());
    }
    return HttpResponse.seeOther(URI.create("/incidents/" + id + "?command=" + answer.commandId()));
  }

  /**
   * A command's feedback, asked again every 0.7 s while it is pending; after {@value #POLLS} asks
   * (about a minute) the page stops asking and says the classifier has not answered.
   */
  @Get(value = "/commands/{commandId}", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> status(
      @PathVariable String commandId, @QueryValue @Nullable Integer polls) {
    int asked = polls == null ? 0 : Math.max(0, polls);
    return new ModelAndView<>(
        "command-feedback",
        Map.of("feedback", feedback.of(commandId), "polls", asked + 1, "gaveUp", asked >= POLLS));
  }

  static final int POLLS = 80;

  private Command command(
      String id, CommandKind kind, ConsoleSessions.Session session, Map<String, String> form) {
    Instant now = Instant.now();
    String userId = form.get("userId");
    if (userId != null && !userId.isBlank() && config.current().user(userId.trim()).isEmpty()) {
      throw new IllegalArgumentException("no user '" + userId.trim() + "' in the configuration");
    }
    return new Command(
        UUID.randomUUID().toString(),
        id,
        kind,
        session.caller().name(),
        now,
        kind == CommandKind.ADD_NOTE ? form.get("text") : form.get("note"),
        userId,
        kind == CommandKind.SNOOZE ? now.plus(snooze(form.get("minutes"))) : null,
        null);
  }

  private static CommandKind kind(String action) {
    return Arrays.stream(CommandKind.values())
        .filter(k -> k != CommandKind.MERGE && k.path().equals(action))
        .findFirst()
        .orElseThrow(() -> new ConsoleRejected(404, "the console has no action '" + action + "'"));
  }

  private static Duration snooze(String minutes) {
    try {
      return Duration.ofMinutes(Long.parseLong(minutes == null ? "" : minutes.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("choose how long to snooze");
    }
  }

  private static Map<String, Object> details(Command command) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (command.note() != null) {
      details.put("note", command.note());
    }
    if (command.userId() != null) {
      details.put("userId", command.userId());
    }
    if (command.snoozeUntil() != null) {
      details.put("until", command.snoozeUntil().toString());
    }
    return details;
  }
}
