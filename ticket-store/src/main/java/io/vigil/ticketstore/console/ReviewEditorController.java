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
import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.review.Review;
import io.vigil.ticketstore.review.ReviewMarkdown;
import io.vigil.ticketstore.review.ReviewRepository;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.ticket.TicketLookup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The post-incident review editor: the review API's one review per incident (created on the first
 * save, replaced after), its action items as rows of a form, and the timeline excerpt beside it; a
 * field the review refuses comes back in the form with the reason.
 */
@Hidden
@Controller("/incidents/{id}/review")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReviewEditorController {

  /** Empty action-item rows offered under the existing ones. */
  static final int BLANK_ROWS = 3;

  private final TicketLookup tickets;
  private final ReviewRepository reviews;
  private final AuditLog audit;
  private final ConsolePages pages;

  public ReviewEditorController(
      TicketLookup tickets, ReviewRepository reviews, AuditLog audit, ConsolePages pages) {
    this.tickets = tickets;
    this.reviews = reviews;
    this.audit = audit;
    this.pages = pages;
  }

  /** One row of the action-item table. */
  record ItemRow(int index, String description, String owner, String dueDate, String status) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> edit(
      HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String saved) {
    Ticket ticket = ticket(id);
    Review review =
        reviews
            .find(id)
            .map(ReviewRepository.StoredReview::review)
            .orElse(new Review(null, null, null, null, List.of()));
    Map<String, Object> model = model(request, ticket, review, rows(review.actionItems()));
    model.put("saved", saved != null);
    return new ModelAndView<>("review", model);
  }

  @Post(produces = MediaType.TEXT_HTML)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> save(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
    ConsoleSessions.Session session = ConsoleFilter.session(request);
    pages.requireCsrf(session, form);
    pages.requireResponder(session);
    Ticket ticket = ticket(id);
    List<ItemRow> rows = submittedRows(form);
    List<Review.ActionItem> items = new ArrayList<>();
    for (ItemRow row : rows) {
      if (!blank(row.description()) || !blank(row.owner())) {
        items.add(
            new Review.ActionItem(
                nullIfBlank(row.description()),
                nullIfBlank(row.owner()),
                nullIfBlank(row.dueDate()),
                row.status()));
      }
    }
    Review review;
    try {
      review =
          new Review(
              nullIfBlank(form.get("summary")),
              nullIfBlank(form.get("impact")),
              nullIfBlank(form.get("rootCause")),
              nullIfBlank(form.get("collateralDamage")),
              items);
    } catch (IllegalArgumentException e) {
      // What was typed goes back into the form, with the reason it was refused.
      Map<String, Object> model =
          model(request, ticket, new Review(null, null, null, null, List.of()), rows);
      model.putAll(typedTexts(form));
      model.put("error", e.getMessage());
      return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("review", model));
    }
    boolean created = reviews.create(id, review, session.caller().name());
    if (!created) {
      reviews.update(id, review);
    }
    audit.record(session.caller(), created ? "review.create" : "review.update", id, Map.of());
    return HttpResponse.seeOther(URI.create("/incidents/" + id + "/review?saved=1"));
  }

  private Map<String, Object> model(
      HttpRequest<?> request, Ticket ticket, Review review, List<ItemRow> rows) {
    Map<String, Object> model =
        pages.base("Review: " + ticket.title(), ConsoleFilter.session(request));
    model.put("incident", IncidentModels.Row.of(ticket));
    model.put("summary", orEmpty(review.summary()));
    model.put("impact", orEmpty(review.impact()));
    model.put("rootCause", orEmpty(review.rootCause()));
    model.put("collateralDamage", orEmpty(review.collateralDamage()));
    model.put("items", rows);
    model.put(
        "excerpt",
        ReviewMarkdown.excerpt(tickets.timeline(ticket.incidentId())).stream()
            .map(IncidentModels.Line::of)
            .toList());
    return model;
  }

  private static List<ItemRow> rows(List<Review.ActionItem> items) {
    List<ItemRow> rows = new ArrayList<>();
    for (Review.ActionItem item : items) {
      rows.add(
          new ItemRow(
              rows.size(),
              orEmpty(item.description()),
              orEmpty(item.owner()),
              orEmpty(item.dueDate()),
              item.status()));
    }
    for (int i = 0; i < BLANK_ROWS; i++) {
      rows.add(new ItemRow(rows.size(), "", "", "", "open"));
    }
    return rows;
  }

  private static List<ItemRow> submittedRows(Map<String, String> form) {
    List<ItemRow> rows = new ArrayList<>();
    for (int i = 0; form.containsKey("item" + i + ".description"); i++) {
      rows.add(
          new ItemRow(
              i,
              orEmpty(form.get("item" + i + ".description")),
              orEmpty(form.get("item" + i + ".owner")),
              orEmpty(form.get("item" + i + ".dueDate")),
              orEmpty(form.get("item" + i + ".status"))));
    }
    return rows;
  }

  private static Map<String, Object> typedTexts(Map<String, String> form) {
    return Map.of(
        "summary", orEmpty(form.get("summary")),
        "impact", orEmpty(form.get("impact")),
        "rootCause", orEmpty(form.get("rootCause")),
        "collateralDamage", orEmpty(form.get("collateralDamage")));
  }

  private Ticket ticket(String id) {
    return tickets
        .find(id)
        .orElseThrow(
            () -> new ConsoleRejected(404, "Vigil has no incident '" + id + "'; see the list"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** An empty field is no value, as the API would store it. */
  private static String nullIfBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
