package io.vigil.ticketstore.link;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vigil.ticketstore.api.NotFoundException;
import io.vigil.ticketstore.api.UnavailableException;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /a/{token}}: the signed link from a page is its own credential (no API token); following
 * it ({@code GET}) only shows what it would do and a button, and only the button's {@code POST}
 * acts, because mail security gateways fetch every link in a message. Every answer is a small HTML
 * page for the person who clicked it, never a JSON error.
 */
@Controller("/a")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ActionLinkController {

  private static final Logger LOG = LoggerFactory.getLogger(ActionLinkController.class);

  private final LinkCommands links;

  public ActionLinkController(LinkCommands links) {
    this.links = links;
  }

  @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
  @Operation(
      summary = "Show what a signed link from a page would do, with a confirm button (no token)",
      description =
          "The token is the notifier's signed link (notifier/README.md). Nothing is done: the page"
              + " checks the link (signature, key id, expiry, purpose, user, incident) and shows a"
              + " button that POSTs to the same address. A link used before shows 'already"
              + " acknowledged'.")
  @ApiResponse(responseCode = "200", description = "the confirmation page, or 'already done'")
  @ApiResponse(responseCode = "400", description = "not a Vigil action link")
  @ApiResponse(responseCode = "403", description = "bad signature, unknown key id or purpose")
  @ApiResponse(responseCode = "404", description = "the incident is unknown")
  @ApiResponse(responseCode = "410", description = "the link expired")
  @ApiResponse(responseCode = "503", description = "the database did not answer")
  public HttpResponse<String> confirm(@PathVariable String token) {
    LinkCommands.Preview preview = links.preview(token);
    String html =
        preview.earlier().isPresent()
            ? LinkPages.alreadyUsed(preview.claim(), preview.earlier().get())
            : LinkPages.confirm(preview.claim(), preview.title());
    return html(HttpStatus.OK, html);
  }

  @Post(
      value = "/{token}",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL},
      produces = MediaType.TEXT_HTML)
  @Operation(
      summary = "Acknowledge or resolve an incident with a signed link from a page (no token)",
      description =
          "What the confirmation page's button sends. A link works once: a second use answers 200"
              + " 'already acknowledged' and issues nothing.")
  @ApiResponse(responseCode = "200", description = "done now, or already done with this link")
  @ApiResponse(responseCode = "400", description = "not a Vigil action link")
  @ApiResponse(responseCode = "403", description = "bad signature, unknown key id or purpose")
  @ApiResponse(responseCode = "404", description = "the incident is unknown")
  @ApiResponse(responseCode = "410", description = "the link expired")
  @ApiResponse(responseCode = "503", description = "Kafka or the database did not answer")
  public HttpResponse<String> follow(@PathVariable String token) {
    LinkCommands.Outcome outcome = links.follow(token);
    String html =
        outcome.earlier().isPresent()
            ? LinkPages.alreadyUsed(outcome.claim(), outcome.earlier().get())
            : LinkPages.done(outcome.claim(), outcome.commandId());
    return html(HttpStatus.OK, html);
  }

  @Error(exception = LinkRejected.class)
  HttpResponse<String> refused(LinkRejected e) {
    return html(HttpStatus.valueOf(e.reason().status()), LinkPages.refused(e.getMessage()));
  }

  @Error(exception = NotFoundException.class)
  HttpResponse<String> notFound(NotFoundException e) {
    return html(HttpStatus.NOT_FOUND, LinkPages.refused(e.getMessage()));
  }

  @Error(exception = UnavailableException.class)
  HttpResponse<String> brokerDown(UnavailableException e) {
    LOG.error("action link: {}", e.getMessage(), e);
    return html(
        HttpStatus.SERVICE_UNAVAILABLE,
        LinkPages.refused(
            "Vigil could not send the command right now; try the link again shortly"));
  }

  @Error(exception = StoreUnavailableException.class)
  HttpResponse<String> storeDown(StoreUnavailableException e) {
    LOG.error("action link: ticket database unavailable: {}", e.getMessage(), e);
    return html(
        HttpStatus.SERVICE_UNAVAILABLE,
        LinkPages.refused("Vigil's ticket database is unavailable; try the link again shortly"));
  }

  /**
   * The page, never cached or framed (a framed confirm button could be clicked by trickery), and
   * allowed to post its form only to this site.
   */
  private static HttpResponse<String> html(HttpStatus status, String body) {
    return HttpResponse.<String>status(status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        .body(body);
  }
}
