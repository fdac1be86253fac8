package io.vigil.notifier.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.Fixtures;
import io.vigil.notifier.notify.SendResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  /** One received POST. */
  record Received(String body, Map<String, List<String>> headers) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
  private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/alice",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders())));
          Integer status = statuses.poll();
          if (status != null && status == 302) {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/");
          }
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.createContext(
        "/silent",
        exchange -> {
          try {
            never.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    never.countDown();
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static WebhookSender sender(List<String> allow, Duration timeout) {
    return new WebhookSender(Fixtures.http(allow), Fixtures.LINKS, timeout, Fixtures.CLOCK);
  }

  private static final List<String> LOOPBACK = List.of("127.0.0.0/8");

  private ContactMethod hook(String path, String secret, List<String> secrets) {
    return new ContactMethod(
        "alice-hook", ContactMethod.ContactType.WEBHOOK, url(path), null, null, secret, secrets);
  }

  @Test
  void postsThePageAsJsonWithDeliveryIdLinksAndASignaturePerSecret() throws Exception {
    SendResult result =
        sender(LOOPBACK, Duration.ofSeconds(5))
            .send(
                Fixtures.attempt(
                    hook("/alice", "old-secret-0123456789", List.of("new-secret-0123456789"))));

    assertThat(result).isEqualTo(SendResult.delivered("HTTP 200"));
    Received post = received.getFirst();
    JsonNode body = JSON.readTree(post.body());
    assertThat(body.path("incident_id").asText()).isEqualTo("inc-7");
    assertThat(body.path("title").asText()).isEqualTo("Disk 95% full on db-1");
    assertThat(body.path("level").asInt()).isEqualTo(2);
    assertThat(body.path("user_id").asText()).isEqualTo("alice");
    assertThat(body.path("event_id").asText()).isEqualTo("esc-1");
    assertThat(body.path("links").path("acknowledge").asText())
        .startsWith("https://vigil.example/a/");
    assertThat(post.headers().get("Vigil-delivery-id")).containsExactly("esc-1/alice/alice-hook/0");
    assertThat(post.headers().get("Content-type")).containsExactly("application/json");
    long t = Fixtures.CLOCK.instant().getEpochSecond();
    // What a receiver does: HMAC-SHA256(secret, t + "." + raw body), compared with each v1.
    assertThat(post.headers().get("Vigil-signature"))
        .containsExactly(
            "t="
                + t
                + ",v1="
                + WebhookSignature.hex("old-secret-0123456789", t + "." + post.body())
                + ",v1="
                + WebhookSignature.hex("new-secret-0123456789", t + "." + post.body()));
  }

  @Test
  void withoutSecretsThereIsNoSignatureHeader() {
    sender(LOOPBACK, Duration.ofSeconds(5)).send(Fixtures.attempt(hook("/alice", null, null)));

    assertThat(received.getFirst().headers()).doesNotContainKey("Vigil-signature");
  }

  @Test
  void serverErrorsAndRateLimitsAreWorthRetryingOtherRefusalsAreNot() {
    statuses.addAll(List.of(503, 429, 400, 302));
    WebhookSender sender = sender(LOOPBACK, Duration.ofSeconds(5));
    var attempt = Fixtures.attempt(hook("/alice", null, null));

    assertThat(sender.send(attempt))
        .isEqualTo(SendResult.retryable("HTTP 503 from " + url("/alice"), null));
    assertThat(sender.send(attempt).status()).isEqualTo(SendResult.Status.RETRYABLE);
    assertThat(sender.send(attempt))
        .isEqualTo(SendResult.permanent("HTTP 400 from " + url("/alice")));
    assertThat(sender.send(attempt))
        .isEqualTo(
            SendResult.permanent(
                "HTTP 302 from "
                    + url("/alice")
                    + ": redirects are not followed; configure the final URL"));
    assertThat(received).hasSize(4);
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsWorthRetrying() {
    SendResult result =
        sender(LOOPBACK, Duration.ofMillis(300))
            .send(Fixtures.attempt(hook("/silent", null, null)));

    assertThat(result)
        .isEqualTo(SendResult.retryable("no answer from " + url("/silent") + " within 300 ms"));
  }

  @Test
  void loopbackIsRefusedUnlessAllowListedAndNothingIsSent() {
    SendResult result =
        sender(List.of(), Duration.ofSeconds(5)).send(Fixtures.attempt(hook("/alice", null, null)));

    assertThat(result.status()).isEqualTo(SendResult.Status.PERMANENT);
    assertThat(result.detail()).contains("127.0.0.1, a loopback address");
    assertThat(received).isEmpty();
  }
}
