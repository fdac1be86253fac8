package io.vigil.ingest.pagerduty;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /v2/enqueue}, PagerDuty Events API v2 compatible: hands the body to {@link
 * EventsV2Intake} and answers 202, 400, 413 or 503 in PagerDuty's shape.
 */
@Controller
public class EnqueueController {

  /** PagerDuty's limit on one event. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  private final EventsV2Intake intake;

  public EnqueueController(EventsV2Intake intake) {
    this.intake = intake;
  }

  @Post("/v2/enqueue")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<EventsV2Response> enqueue(@Body String body) {
    if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      return HttpResponse.<EventsV2Response>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
          .body(EventsV2Response.tooLarge(BodyTooLargeHandler.MESSAGE));
    }
    EventsV2Intake.Outcome outcome = intake.accept(body);
    if (outcome instanceof EventsV2Intake.Outcome.Accepted a) {
      return HttpResponse.accepted().body(EventsV2Response.success(a.dedupKey()));
    }
    if (outcome instanceof EventsV2Intake.Outcome.Invalid i) {
      return HttpResponse.badRequest(EventsV2Response.invalid(i.errors()));
    }
    EventsV2Intake.Outcome.Unavailable u = (EventsV2Intake.Outcome.Unavailable) outcome;
    return HttpResponse.<EventsV2Response>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(EventsV2Response.unavailable(u.message()));
  }
}
