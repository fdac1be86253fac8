package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.testkit.ServiceLaunch;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The on-call API over HTTP, in-process, on the local stack's example configuration. */
class OnCallApiTest {

  private static EmbeddedServer server;
  private static HttpClient client;
  private static BlockingHttpClient http;

  @BeforeAll
  static void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port",
                -1,
                "vigil.streams.enabled",
                false,
                "kafka.enabled",
                false,
                "vigil.config-file",
                ServiceLaunch.repoRoot().resolve("deploy/local/vigil.yaml").toString()));
    client = HttpClient.create(server.getURL());
    http = client.toBlocking();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void answersWhoIsOnCallAtAnInstant() {
    // payments-primary: weekly from Monday 2026-01-05 09:00 Jakarta, alice then bob.
    String body = http.retrieve("/api/v1/oncall?schedule=payments-primary&at=2026-01-12T02:00:00Z");
    assertThat(body)
        .isEqualTo(
            "{\"schedule\":\"payments-primary\",\"at\":\"2026-01-12T02:00:00Z\",\"user\":\"bob\"}");
  }

  @Test
  void listsTheShiftsOfARange() {
    String body =
        http.retrieve(
            "/api/v1/schedules/payments-primary/shifts?from=2026-01-11T00:00:00Z&to=2026-01-20T00:00:00Z");
    assertThat(body)
        .isEqualTo(
            "{\"schedule\":\"payments-primary\",\"from\":\"2026-01-11T00:00:00Z\",\"to\":\"2026-01-20T00:00:00Z\",\"shifts\":["
                + "{\"user\":\"alice\",\"start\":\"2026-01-11T00:00:00Z\",\"end\":\"2026-01-12T02:00:00Z\"},"
                + "{\"user\":\"bob\",\"start\":\"2026-01-12T02:00:00Z\",\"end\":\"2026-01-19T02:00:00Z\"},"
                + "{\"user\":\"alice\",\"start\":\"2026-01-19T02:00:00Z\",\"end\":\"2026-01-20T00:00:00Z\"}]}");
  }

  @Test
  void aBadInstantIsA400SayingWhatToSend() {
    HttpClientResponseException e =
        catchThrowableOfType(
            HttpClientResponseException.class,
            () -> http.retrieve("/api/v1/oncall?schedule=payments-primary&at=yesterday"));
    assertThat(e.getStatus().getCode()).isEqualTo(400);
    assertThat(e.getResponse().getBody(String.class).orElseThrow())
        .contains("at: 'yesterday' is not an ISO-8601 instant like 2026-03-29T07:00:00Z");
  }

  @Test
  void anUnknownScheduleIsA404NamingTheKnownOnes() {
    HttpClientResponseException e =
        catchThrowableOfType(
            HttpClientResponseException.class,
            () -> http.exchange(HttpRequest.GET("/api/v1/schedules/nope/shifts"), String.class));
    assertThat(e.getStatus().getCode()).isEqualTo(404);
    assertThat(e.getResponse().getBody(String.class).orElseThrow())
        .contains("no schedule 'nope'; configured: payments-primary");
  }
}
