package io.vigil.ingest.alertmanager;

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
import io.vigil.ingest.webhook.WebhookIntake;
import jakarta.inject.Named;

/**
 * {@code POST /integrations/alertmanager}: Prometheus Alertmanager's webhook (payload version 4)
 * with {@code Authorization: Bearer <integration key>}; every entry of {@code alerts[]} becomes one
 * alert.
 */
@Controller
@Consumes(MediaType.ALL)
@Produces(MediaType.APPLICATION_JSON)
public class AlertmanagerController {

  private final WebhookIntake intake;
  private final Answers answers;

  public AlertmanagerController(@Named("alertmanager") WebhookIntake intake, Answers answers) {
    this.intake = intake;
    this.answers = answers;
  }

  @Post("/integrations/alertmanager")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<IngestResponse> post(HttpHeaders headers, @Nullable @Body byte[] body) {
    long start = System.nanoTime();
    return answers.answer(
        intake.accept(Answers.bearer(headers), Answers.signed(headers, body)), true, start);
  }
}
