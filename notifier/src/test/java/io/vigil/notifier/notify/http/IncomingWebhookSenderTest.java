package io.vigil.notifier.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigil.config.ContactMethod;
import io.vigil.notifier.Fixtures;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.notify.slack.SlackMessage;
import io.vigil.notifier.notify.teams.TeamsCard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack and Teams pages reach a local incoming-webhook receiver as JSON with their links. */
class IncomingWebhookSenderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int status = 200;

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private IncomingWebhookSender sender(
      ContactMethod.ContactType type,
      java.util.function.BiFunction<
              io.vigil.notifier.page.Attempt, io.vigil.notifier.link.ActionLinks.Links, String>
          render) {
    return new IncomingWebhookSender(
        type, render, Fixtures.http(List.of("127.0.0.0/8")), Fixtures.LINKS, Duration.ofSeconds(5));
  }

  private ContactMethod method(ContactMethod.ContactType type) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    return new ContactMethod("alice-chat", type, url, null, null, null);
  }

  @Test
  void postsASlackMessageWithTheAcknowledgeLink() throws Exception {
    IncomingWebhookSender slack = sender(ContactMethod.ContactType.SLACK, SlackMessage::of);

    SendResult result = slack.send(Fixtures.attempt(method(ContactMethod.ContactType.SLACK)));

    assertThat(result).isEqualTo(SendResult.delivered("HTTP 200"));
    assertThat(contentTypes).containsExactly("application/json");
    JsonNode body = JSON.readTree(bodies.get(0));
    assertThat(body.has("blocks")).isTrue();
    String expectedAck = Fixtures.LINKS.linksFor("inc-7", "alice").acknowledge();
    assertThat(bodies.get(0)).contains(expectedAck).contains("Disk 95% full on db-1");
    assertThat(slack.types()).containsExactly(ContactMethod.ContactType.SLACK);
  }

  @Test
  void postsATeamsCardAndTreatsA400AsPermanent() throws Exception {
    IncomingWebhookSender teams = sender(ContactMethod.ContactType.TEAMS, TeamsCard::of);
    status = 400;

    SendResult result = teams.send(Fixtures.attempt(method(ContactMethod.ContactType.TEAMS)));

    assertThat(result.status()).isEqualTo(SendResult.Status.PERMANENT);
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).contains("Disk 95% full on db-1");
    assertThat(JSON.readTree(bodies.get(0)).path("type").asText()).isEqualTo("message");
  }
}
