package io.vigil.ingest.heartbeat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.ingest.web.Answers;
import io.vigil.ingest.web.IngestResponse;

/**
 * {@code POST /v2/heartbeat/{id}}: a dead-man's-switch check-in, with the integration key as {@code
 * Authorization: Bearer} or, for cron one-liners, the {@code routing_key} query parameter.
 */
@Controller
@Consumes(MediaType.ALL)
@Produces(MediaType.APPLICATION_JSON)
public class HeartbeatController {

  private final HeartbeatIntake intake;
  private final Answers answers;

  public HeartbeatController(HeartbeatIntake intake, Answers answers) {
    this.intake = intake;
    this.answers = answers;
  }

  @Post("/v2/heartbeat/{id}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<IngestResponse> checkIn(
      @PathVariable String id,
      @Nullable @QueryValue("routing_key") String routingKey,
      HttpHeaders headers,
      @Nullable @Body byte[] body) {
    long start = System.nanoTime();
    String key = Answers.bearer(headers);
    if (key == null || key.isBlank()) {
      key = routingKey;
    }
    return answers.answer(intake.accept(id, key, Answers.signed(headers, body)), false, start);
  }
}
