package io.vigil.ingest.pagerduty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.ingest.web.Answers;
import io.vigil.ingest.web.IngestResponse;

/**
 * {@code POST /v2/enqueue} and {@code POST /v2/change/enqueue}, PagerDuty Events API v2 compatible:
 * hand the raw body to the intake and answer in PagerDuty's shape.
 */
@Controller
@Consumes(MediaType.ALL)
@Produces(MediaType.APPLICATION_JSON)
public class EnqueueController {

  private final EventsV2Intake events;
  private final ChangeIntake changes;
  private final Answers answers;

  public EnqueueController(EventsV2Intake events, ChangeIntake changes, Answers answers) {
    this.events = events;
    this.changes = changes;
    this.answers = answers;
  }

  @Post("/v2/enqueue")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<IngestResponse> enqueue(HttpHeaders headers, @Nullable @Body byte[] body) {
    long start = System.nanoTime();
    return answers.answer(events.accept(Answers.signed(headers, body)), false, start);
  }

  @Post("/v2/change/enqueue")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<IngestResponse> change(HttpHeaders headers, @Nullable @Body byte[] body) {
    long start = System.nanoTime();
    return answers.answer(changes.accept(Answers.signed(headers, body)), false, start);
  }
}
