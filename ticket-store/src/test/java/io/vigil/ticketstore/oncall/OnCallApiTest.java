package io.vigil.ticketstore.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.vigil.testkit.Ports;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/oncall} and {@code /api/v1/schedules/{id}/shifts} ask the escalation service's
 * same routes — here a stand-in on a free port that answers as escalation's {@code
 * OnCallController} documents — pass its 400 and 404 on, and answer 503 with the reason when it
 * fails or is down.
 */
class OnCallApiTest {

  private static final List<String> asked = new CopyOnWriteArrayList<>();
  private static volatile boolean failing;
  private static HttpServer escalation;
  private static ApiTestServer api;
  private static String url;

  @BeforeAll
  static void start() throws IOException {
    escalation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    escalation.createContext("/api/v1/", OnCallApiTest::answer);
    escalation.start();
    url = "http://127.0.0.1:" + escalation.getAddress().getPort();
    api = new ApiTestServer(Map.of("vigil.escalation.url", url));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    escalation.stop(0);
  }

  @BeforeEach
  void reset() {
    asked.clear();
    failing = false;
  }

  /** The escalation service's answers, as its OnCallController gives them. */
  private static void answer(HttpExchange exchange) throws IOException {
    String uri = exchange.getRequestURI().toString();
    asked.add(uri);
    int status;
    String body;
    if (failing) {
      status = 500;
      body = "{\"message\":\"Internal Server Error\"}";
    } else if (uri.equals("/api/v1/oncall?schedule=payments-primary&at=2026-03-29T07%3A00%3A00Z")) {
      status = 200;
      body = "{\"schedule\":\"payments-primary\",\"at\":\"2026-03-29T07:00:00Z\",\"user\":\"bob\"}";
    } else if (uri.equals("/api/v1/oncall?schedule=night")) {
      status = 200;
      body = "{\"schedule\":\"night\",\"at\":\"2026-03-29T07:00:00Z\",\"user\":null}";
    } else if (uri.equals("/api/v1/oncall")) {
      status = 400;
      body = "{\"message\":\"add ?schedule=<schedule id>\"}";
    } else if (uri.startsWith("/api/v1/schedules/payments-primary/shifts")) {
      status = 200;
      body =
          "{\"schedule\":\"payments-primary\",\"from\":\"2026-03-02T00:00:00Z\","
              + "\"to\":\"2026-03-16T00:00:00Z\",\"shifts\":["
              + "{\"user\":\"alice\",\"start\":\"2026-03-02T00:00:00Z\",\"end\":\"2026-03-09T02:00:00Z\"},"
              + "{\"user\":\"bob\",\"start\":\"2026-03-09T02:00:00Z\",\"end\":\"2026-03-16T00:00:00Z\"}]}";
    } else {
      status = 404;
      body = "{\"message\":\"no schedule 'nope'; configured: payments-primary\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void whoIsOnCallIsAskedOfTheEscalationService() {
    Answer answer = get("/api/v1/oncall?schedule=payments-primary&at=2026-03-29T07:00:00Z");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"schedule\":\"payments-primary\",\"at\":\"2026-03-29T07:00:00Z\",\"user\":\"bob\"}");
    assertThat(asked)
        .containsExactly("/api/v1/oncall?schedule=payments-primary&at=2026-03-29T07%3A00%3A00Z");
    assertThat(get("/api/v1/oncall?schedule=night").body()).endsWith("\"user\":null}");
  }

  @Test
  void aSchedulesShiftsAreAskedOfTheEscalationService() {
    Answer answer =
        get(
            "/api/v1/schedules/payments-primary/shifts?from=2026-03-02T00:00:00Z"
                + "&to=2026-03-16T00:00:00Z");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"schedule\":\"payments-primary\",\"from\":\"2026-03-02T00:00:00Z\","
                + "\"to\":\"2026-03-16T00:00:00Z\",\"shifts\":["
                + "{\"user\":\"alice\",\"start\":\"2026-03-02T00:00:00Z\","
                + "\"end\":\"2026-03-09T02:00:00Z\"},"
                + "{\"user\":\"bob\",\"start\":\"2026-03-09T02:00:00Z\","
                + "\"end\":\"2026-03-16T00:00:00Z\"}]}");
    assertThat(asked)
        .containsExactly(
            "/api/v1/schedules/payments-primary/shifts?from=2026-03-02T00%3A00%3A00Z"
                + "&to=2026-03-16T00%3A00%3A00Z");
  }

  @Test
  void itsRefusalsReachTheCallerAsTheyAre() {
    assertError(get("/api/v1/oncall"), 400, "add ?schedule=<schedule id>");
    assertError(
        get("/api/v1/schedules/nope/shifts"),
        404,
        "no schedule 'nope'; configured: payments-primary");
  }

  @Test
  void aFailingEscalationServiceIs503WithTheReason() {
    failing = true;

    assertError(
        get("/api/v1/oncall?schedule=night"),
        503,
        "the escalation service at "
            + url
            + " answered 500; on-call data comes from it: check that it runs and that"
            + " vigil.escalation.url (VIGIL_ESCALATION_URL) points at it");
  }

  @Test
  void aStoppedEscalationServiceIs503WithTheReason() throws Exception {
    // A port nothing listens on.
    String downUrl = "http://127.0.0.1:" + Ports.free();
    try (ApiTestServer alone = new ApiTestServer(Map.of("vigil.escalation.url", downUrl))) {
      Answer answer = alone.send(HttpRequest.GET("/api/v1/oncall?schedule=night"));

      assertError(
          answer,
          503,
          "the escalation service at "
              + downUrl
              + " refused the connection (is it running?); on-call data comes from it: check"
              + " that it runs and that vigil.escalation.url (VIGIL_ESCALATION_URL) points at it");
    }
  }

  @Test
  void theRoutesAreInTheOpenApiDescription() {
    String yaml = get("/swagger/vigil-ticket-store-v1.yml").body();

    assertThat(yaml)
        .contains("\n  /api/v1/oncall:\n")
        .contains("\n  /api/v1/schedules/{id}/shifts:\n");
  }

  private static Answer get(String uri) {
    return api.send(HttpRequest.GET(uri));
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }
}
