package io.vigil.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.notifier.page.Page;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
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

  private static final Page PAGE =
      new Page(
          "esc-1",
          "inc-7",
          "payments",
          "Disk 95% full on db-1",
          "P1",
          Page.Urgency.HIGH,
          2,
          1,
          "TIMEOUT",
          List.of("alice"));

  /** One received POST. */
  record Received(String body, Map<String, List<String>> headers) {}

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
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.createContext(
        "/silent",
        exchange -> {
          received.add(new Received("", Map.of()));
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

  private Attempt attemptTo(String path) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
    return new Attempt(
        PAGE,
        "alice",
        new ContactMethod("alice-hook", ContactMethod.ContactType.WEBHOOK, url, null, null, null),
        0);
  }

  private WebhookSender sender(Duration timeout) {
    return new WebhookSender(
        HttpClient.newHttpClient(), timeout, new RetryPolicy(3, Duration.ofMillis(10)));
  }

  @Test
  void postsThePageAsJsonWithTheDeliveryIdHeader() {
    Delivery delivery = sender(Duration.ofSeconds(5)).deliver(attemptTo("/alice"));

    assertThat(delivery).isEqualTo(new Delivery(Delivery.Outcome.DELIVERED, 1, "HTTP 200"));
    assertThat(received).hasSize(1);
    Received post = received.getFirst();
    assertThat(post.body())
        .isEqualTo(
            "{\"incident_id\":\"inc-7\",\"service_id\":\"payments\","
                + "\"title\":\"Disk 95% full on db-1\",\"priority\":\"P1\",\"urgency\":\"HIGH\","
                + "\"level\":2,\"round\":1,\"user_id\":\"alice\",\"reason\":\"TIMEOUT\","
                + "\"event_id\":\"esc-1\"}");
    assertThat(post.headers().get("Vigil-delivery-id")).containsExactly("esc-1/alice/alice-hook/0");
    assertThat(post.headers().get("Content-type")).containsExactly("application/json");
  }

  @Test
  void retriesA500AndSucceedsOnTheSameDeliveryId() {
    statuses.addAll(List.of(500, 503));

    Delivery delivery = sender(Duration.ofSeconds(5)).deliver(attemptTo("/alice"));

    assertThat(delivery).isEqualTo(new Delivery(Delivery.Outcome.DELIVERED, 3, "HTTP 200"));
    assertThat(received)
        .extracting(r -> r.headers().get("Vigil-delivery-id").get(0))
        .containsExactly(
            "esc-1/alice/alice-hook/0", "esc-1/alice/alice-hook/0", "esc-1/alice/alice-hook/0");
  }

  @Test
  void givesUpAfterThreeServerErrors() {
    statuses.addAll(List.of(500, 500, 500));
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/alice";

    Delivery delivery = sender(Duration.ofSeconds(5)).deliver(attemptTo("/alice"));

    assertThat(delivery)
        .isEqualTo(
            new Delivery(Delivery.Outcome.FAILED, 3, "HTTP 500 from " + url + " after 3 tries"));
    assertThat(received).hasSize(3);
  }

  @Test
  void doesNotRetryA400() {
    statuses.add(400);
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/alice";

    Delivery delivery = sender(Duration.ofSeconds(5)).deliver(attemptTo("/alice"));

    assertThat(delivery)
        .isEqualTo(new Delivery(Delivery.Outcome.FAILED, 1, "HTTP 400 from " + url));
    assertThat(received).hasSize(1);
  }

  @Test
  void retriesAReceiverThatDoesNotAnswerInTime() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/silent";

    Delivery delivery = sender(Duration.ofMillis(300)).deliver(attemptTo("/silent"));

    assertThat(delivery)
        .isEqualTo(
            new Delivery(
                Delivery.Outcome.FAILED,
                3,
                "no answer from " + url + " within 300 ms after 3 tries"));
    assertThat(received).hasSize(3);
  }

  @Test
  void backoffDoublesFromTheBase() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200));

    assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMillis(400));
  }
}
