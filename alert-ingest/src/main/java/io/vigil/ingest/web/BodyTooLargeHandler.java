package io.vigil.ingest.web;

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
 * Answers a body over the 512 KB limit (PagerDuty's) with 413 and a reason naming the limit, as
 * soon as the declared length or the bytes read so far pass it — the rest is never buffered.
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<IngestResponse>> {

  /** The limit on one request body, as PagerDuty's Events API v2 sets it. */
  public static final int MAX_BODY_BYTES = 512 * 1024;

  static final String MESSAGE =
      "Request body is larger than 512 KB (524288 bytes, the limit); shorten custom_details or"
          + " annotations, or send fewer alerts per request (Alertmanager: max_alerts)";

  private final Answers answers;

  public BodyTooLargeHandler(Answers answers) {
    this.answers = answers;
  }

  @Override
  public HttpResponse<IngestResponse> handle(
      HttpRequest request, ContentLengthExceededException exception) {
    answers.countRejected(request.getPath(), "too_large");
    return HttpResponse.<IngestResponse>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .body(IngestResponse.refused("invalid event", MESSAGE, null));
  }
}
