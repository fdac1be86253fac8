package io.vigil.ticketstore.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.ticketstore.api.ConflictException;
import io.vigil.ticketstore.api.NotFoundException;
import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.auth.Caller;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.ticket.TicketLookup;
import io.vigil.ticketstore.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The post-incident review of an incident under {@code /api/v1/incidents/{id}/review}: create, read
 * (with the timeline excerpt pre-filled from the ticket), replace, delete and export as Markdown;
 * every write is audited.
 */
@Controller("/api/v1/incidents/{id}/review")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class ReviewController {

  private final TicketLookup tickets;
  private final ReviewRepository reviews;
  private final AuditLog audit;

  public ReviewController(TicketLookup tickets, ReviewRepository reviews, AuditLog audit) {
    this.tickets = tickets;
    this.reviews = reviews;
    this.audit = audit;
  }

  /** A review as served. */
  @Serdeable
  public record ReviewView(
      String incidentId,
      String title,
      String summary,
      String impact,
      String rootCause,
      String collateralDamage,
      List<Review.ActionItem> actionItems,
      List<ExcerptLine> timelineExcerpt,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * The request body of POST and PUT, checked when it becomes a {@link Review} so that the reason
   * reaches the caller.
   */
  @Serdeable
  public record ReviewBody(
      @Nullable @Schema(example = "Payments failed for 12 minutes after the 1.42 deploy")
          String summary,
      @Nullable @Schema(example = "3% of checkouts failed") String impact,
      @Nullable @Schema(example = "a connection-pool limit lowered in 1.42") String rootCause,
      @Nullable @Schema(example = "refund jobs were delayed") String collateralDamage,
      @Nullable List<Review.ActionItem> actionItems) {

    Review toReview() {
      return new Review(summary, impact, rootCause, collateralDamage, actionItems);
    }
  }

  /** One quoted timeline line. */
  @Serdeable
  public record ExcerptLine(Instant at, String kind, String actor, String summary) {}

  @Post
  @Operation(summary = "Write the incident's review (responder)")
  @ApiResponse(responseCode = "201", description = "created")
  @ApiResponse(responseCode = "400", description = "a field is not valid; the message says why")
  @ApiResponse(responseCode = "404", description = "no incident has this id")
  @ApiResponse(responseCode = "409", description = "the incident has a review; PUT to change it")
  public HttpResponse<ReviewView> create(
      HttpRequest<?> request, @PathVariable String id, @Body ReviewBody body) {
    ticket(id);
    Review review = body.toReview();
    Caller caller = Caller.of(request);
    if (!reviews.create(id, review, caller.name())) {
      throw new ConflictException(
          "incident '" + id + "' has a review already; PUT it to change it");
    }
    audit.record(caller, "review.create", id, Map.of());
    return HttpResponse.created(view(id));
  }

  @Get
  @Operation(summary = "The incident's review with the timeline excerpt")
  @ApiResponse(responseCode = "404", description = "no such incident, or no review yet")
  public ReviewView get(@PathVariable String id) {
    return view(id);
  }

  @Put
  @Operation(summary = "Replace the incident's review (responder)")
  public ReviewView update(HttpRequest<?> request, @PathVariable String id, @Body ReviewBody body) {
    ticket(id);
    Review review = body.toReview();
    if (!reviews.update(id, review)) {
      throw noReview(id);
    }
    audit.record(Caller.of(request), "review.update", id, Map.of());
    return view(id);
  }

  @Delete
  @Operation(summary = "Delete the incident's review (responder)")
  @ApiResponse(responseCode = "204", description = "deleted")
  public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String id) {
    ticket(id);
    if (!reviews.delete(id)) {
      throw noReview(id);
    }
    audit.record(Caller.of(request), "review.delete", id, Map.of());
    return HttpResponse.noContent();
  }

  @Get("/markdown")
  @Produces("text/markdown")
  @Operation(summary = "The review as a Markdown document")
  public HttpResponse<String> markdown(@PathVariable String id) {
    Ticket ticket = ticket(id);
    ReviewRepository.StoredReview stored = reviews.find(id).orElseThrow(() -> noReview(id));
    return HttpResponse.ok(ReviewMarkdown.render(ticket, stored.review(), tickets.timeline(id)))
        .contentType(new MediaType("text/markdown; charset=utf-8"))
        .header("Content-Disposition", "attachment; filename=\"review-" + id + ".md\"");
  }

  private ReviewView view(String id) {
    Ticket ticket = ticket(id);
    ReviewRepository.StoredReview stored = reviews.find(id).orElseThrow(() -> noReview(id));
    Review r = stored.review();
    List<TimelineEntry> excerpt = ReviewMarkdown.excerpt(tickets.timeline(id));
    return new ReviewView(
        id,
        ticket.title(),
        r.summary(),
        r.impact(),
        r.rootCause(),
        r.collateralDamage(),
        r.actionItems(),
        excerpt.stream()
            .map(e -> new ExcerptLine(e.at(), e.kind().name(), e.actor(), e.summary()))
            .toList(),
        stored.createdBy(),
        stored.createdAt(),
        stored.updatedAt());
  }

  private Ticket ticket(String id) {
    return tickets.find(id).orElseThrow(() -> new NotFoundException("no incident '" + id + "'"));
  }

  private static NotFoundException noReview(String id) {
    return new NotFoundException("incident '" + id + "' has no review yet; POST one first");
  }
}
