package io.vigil.ingest.pagerduty;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a body over PagerDuty's 512 KB limit with 413 and a PagerDuty-shaped reason instead of
 * Micronaut's generic error.
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<EventsV2Response>> {

  static final String MESSAGE =
      "Request body is larger than 512 KB (PagerDuty's limit for one event); shorten"
          + " custom_details or send fewer links and images";

  @Override
  public HttpResponse<EventsV2Response> handle(
      HttpRequest request, ContentLengthExceededException exception) {
    return HttpResponse.<EventsV2Response>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .body(EventsV2Response.tooLarge(MESSAGE));
  }
}
