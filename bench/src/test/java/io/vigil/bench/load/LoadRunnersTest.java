package io.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both load runners against a JDK HTTP server standing in for Alertmanager's alerts API. */
class LoadRunnersTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext(
        "/api/v2/alerts",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          requests.incrementAndGet();
          byte[] body =
              (status == 200 ? "" : "{\"error\":\"too many\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Endpoint endpoint() {
    return Endpoint.alertmanager(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  private static AlertShape shape(int batch, int probeEvery) {
    return new AlertShape(List.of("a", "b"), 20, batch, probeEvery, new AtomicLong(), Instant::now);
  }

  @Test
  void openLoopSendsRateTimesDurationAndReportsEveryAcceptedProbe() throws Exception {
    Map<Long, long[]> probes = new ConcurrentHashMap<>();

    LoadResult result =
        new OpenLoop(client, 16)
            .run(
                endpoint(),
                shape(5, 5),
                500,
                Duration.ofSeconds(1),
                (batch, sent, accepted) ->
                    batch.stream()
                        .filter(Alert::isProbe)
                        .forEach(a -> probes.put(a.probe(), new long[] {sent, accepted})));

    assertThat(requests.get()).isEqualTo(100);
    assertThat(result.alertsAccepted()).isEqualTo(500);
    assertThat(result.requestsAccepted()).isEqualTo(100);
    assertThat(result.notAccepted()).isZero();
    assertThat(probes).hasSize(100);
    assertThat(probes.values()).allMatch(t -> t[1] >= t[0]);
  }

  @Test
  void refusedRequestsAreCountedByStatusWithTheFirstAnswerKept() throws Exception {
    status = 429;

    LoadResult result =
        new OpenLoop(client, 16).run(endpoint(), shape(2, 0), 100, Duration.ofSeconds(1), null);

    assertThat(result.alertsAccepted()).isZero();
    assertThat(result.refusedByStatus()).isEqualTo(Map.of(429, 50L));
    assertThat(result.firstProblem()).isEqualTo("HTTP 429: {\"error\":\"too many\"}");
  }

  @Test
  void aTargetThatIsNotListeningIsCountedAsErrors() throws Exception {
    server.stop(0);

    LoadResult result =
        new OpenLoop(client, 4).run(endpoint(), shape(1, 0), 20, Duration.ofSeconds(1), null);

    assertThat(result.errors()).isEqualTo(20);
    assertThat(result.firstProblem()).startsWith("ConnectException");
  }

  @Test
  void closedLoopCountsOnlyAnswersInsideTheMeasuredWindow() throws Exception {
    LoadResult result =
        new ClosedLoop(client, 2)
            .run(endpoint(), shape(10, 0), Duration.ofMillis(300), Duration.ofMillis(700));

    assertThat(result.requestsAccepted()).isPositive().isLessThan(requests.get());
    assertThat(result.alertsAccepted()).isEqualTo(result.requestsAccepted() * 10);
    assertThat(result.seconds()).isEqualTo(0.7);
  }

  @Test
  void theIntendedSendTimesFollowTheRateNotTheAnswers() {
    assertThat(OpenLoop.dueNanos(0, 100)).isZero();
    assertThat(OpenLoop.dueNanos(1, 100)).isEqualTo(10_000_000);
    assertThat(OpenLoop.dueNanos(250, 1000)).isEqualTo(250_000_000);
  }
}
