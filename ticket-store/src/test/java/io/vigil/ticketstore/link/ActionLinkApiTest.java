package io.vigil.ticketstore.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.command.Command;
import io.vigil.ticketstore.command.CommandKind;
import io.vigil.ticketstore.command.CommandLog;
import io.vigil.ticketstore.command.RecordingCommandPublisher;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /a/{token}} over HTTP against a real database, without an API token: following the link
 * ({@code GET}, what a mail scanner does too) only shows a confirm button; its {@code POST}
 * publishes one command and audits it as {@code via=link}; a second use issues nothing; a link
 * signed with a previous key still accepted works; tampered, expired, malformed and unknown-key
 * links are refused with their status and an HTML page, on GET and POST alike.
 */
class ActionLinkApiTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:15:30Z");
  private static final long LATER = Instant.now().plusSeconds(3600).getEpochSecond();
  private static final String OLD_KEY = "the-previous-signing-key-of-the-notifier-0001";

  private static ApiTestServer api;
  private static RecordingCommandPublisher published;

  /** A status, the Content-Type and the body. */
  record Page(int status, String contentType, String body) {}

  @BeforeAll
  static void start() {
    // Anonymous reads off: the link must work as its own credential, not as an anonymous read.
    api =
        new ApiTestServer(
            Map.of(
                "vigil.api.allow-anonymous-read",
                false,
                "vigil.links.accepted-keys",
                "old-2026-01=" + OLD_KEY + ", old-2025-12=" + "b".repeat(40)));
    published = api.bean(RecordingCommandPublisher.class);
    TicketLedger ledger = api.bean(TicketLedger.class);
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", T0)));
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-<2>", "payments", T0)));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @BeforeEach
  void reset() {
    published.published.clear();
    published.failing = false;
  }

  @Test
  void aValidLinkAcknowledgesOnceAndTheSecondUseIssuesNothing() {
    String token = link("inc-1", "alice", "acknowledge", LATER);

    Page first = follow(token);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("text/html");
    assertThat(published.published).hasSize(1);
    Command command = published.published.get(0);
    assertThat(command.incidentId()).isEqualTo("inc-1");
    assertThat(command.action()).isEqualTo(CommandKind.ACKNOWLEDGE);
    assertThat(command.actor()).isEqualTo("alice");
    assertThat(first.body())
        .contains("<h1>Incident inc-1 acknowledged by alice.</h1>")
        .contains("Command " + command.commandId() + " is on its way");
    assertThat(api.bean(CommandLog.class).find(command.commandId()).get().actor())
        .isEqualTo("alice");
    List<AuditLog.AuditEntry> audit = api.bean(AuditLog.class).read(0, 100);
    assertThat(audit)
        .filteredOn(e -> command.commandId().equals(e.details().get("commandId")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("alice");
              assertThat(e.via()).isEqualTo("link");
              assertThat(e.action()).isEqualTo("incident.acknowledge");
              assertThat(e.target()).isEqualTo("inc-1");
            });

    Page second = follow(token);

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body())
        .contains("Incident inc-1 already acknowledged by alice with this link at ")
        .contains("Command " + command.commandId() + "; a link works once");
    assertThat(published.published).hasSize(1);
  }

  @Test
  void aResolveLinkResolvesAndEscapesIdsInThePage() {
    Page page = follow(link("inc-<2>", "bob", "resolve", LATER));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Incident inc-&lt;2&gt; resolved by bob.</h1>");
    assertThat(published.published)
        .extracting(Command::action)
        .containsExactly(CommandKind.RESOLVE);
  }

  @Test
  void aTamperedLinkIs403() {
    String token = link("inc-1", "alice", "resolve", LATER);
    String forged =
        link("inc-1", "carol", "resolve", LATER).split("\\.")[0]
            + token.substring(token.indexOf('.'));

    assertRefused(follow(forged), 403, "this link&#39;s signature is not valid");
  }

  @Test
  void anExpiredLinkIs410() {
    long past = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();

    assertRefused(
        follow(link("inc-1", "alice", "acknowledge", past)),
        410,
        "this link expired at 2026-03-01T00:00:00Z; open the incident in Vigil instead");
  }

  @Test
  void aMalformedLinkIs400() {
    assertRefused(follow("not-a-link"), 400, "this is not a Vigil action link");
  }

  @Test
  void anUnknownKeyIdIs403() {
    String token =
        TestLinks.token(TestLinks.LOCAL_KEY, "old-key", "inc-1", "alice", "acknowledge", LATER);

    assertRefused(follow(token), 403, "key id &#39;old-key&#39;");
  }

  @Test
  void anUnknownIncidentIs404AndAnUnknownUser403() {
    assertRefused(
        follow(link("inc-404", "alice", "acknowledge", LATER)),
        404,
        "no incident &#39;inc-404&#39;");
    assertRefused(
        follow(link("inc-1", "mallory", "acknowledge", LATER)),
        403,
        "made for user &#39;mallory&#39;, who is no longer in Vigil&#39;s configuration");
  }

  @Test
  void whenKafkaFailsTheLinkIs503AndCanBeUsedAgain() {
    String token = link("inc-1", "bob", "acknowledge", LATER);
    published.failing = true;

    assertRefused(follow(token), 503, "could not send the command right now");

    published.failing = false;
    assertThat(follow(token).body()).contains("Incident inc-1 acknowledged by bob.");
    assertThat(published.published).hasSize(1);
  }

  @Test
  void followingTheLinkOnlyAsksForConfirmationWithAButtonThatPosts() {
    // A link of its own: a later expiry than the other tests' links of alice.
    String token = link("inc-1", "alice", "acknowledge", LATER + 1);
    int audited = api.bean(AuditLog.class).read(0, 500).size();

    Page page = get(token);
    Page again = get(token);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains(
            "<h1>Acknowledge incident inc-1 (\u201cCPU above 90% on payments\u201d) as"
                + " alice?</h1>")
        .contains("<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>")
        .contains("Nothing happens until you press the button.")
        .doesNotContain(token);
    assertThat(again).isEqualTo(page);
    assertThat(published.published).isEmpty();
    assertThat(api.bean(AuditLog.class).read(0, 500)).hasSize(audited);

    assertThat(follow(token).body()).contains("Incident inc-1 acknowledged by alice.");
    assertThat(get(token).body())
        .contains("Incident inc-1 already acknowledged by alice with this link at ")
        .doesNotContain("<form");
    assertThat(published.published).hasSize(1);
  }

  @Test
  void theConfirmPageCannotBeFramedOrCached() {
    HttpResponse<String> response =
        api.http.exchange(
            HttpRequest.GET("/a/" + link("inc-1", "carol", "resolve", LATER)), String.class);

    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void aRefusedLinkIsRefusedOnGetAsOnPost() {
    long past = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
    String expired = link("inc-1", "alice", "acknowledge", past);

    Page page = get(expired);

    assertThat(page.status()).isEqualTo(410);
    assertThat(page.body())
        .contains("this link expired at 2026-03-01T00:00:00Z; open the incident in Vigil instead");
    assertThat(get("not-a-link").status()).isEqualTo(400);
    assertThat(get(link("inc-404", "alice", "acknowledge", LATER)).status()).isEqualTo(404);
    assertThat(published.published).isEmpty();
  }

  @Test
  void aLinkSignedWithAPreviousKeyStillAcceptedWorksDuringTheRotation() {
    String token = TestLinks.token(OLD_KEY, "old-2026-01", "inc-1", "bob", "resolve", LATER);
    String wrongKeyForTheId =
        TestLinks.token(TestLinks.LOCAL_KEY, "old-2026-01", "inc-1", "bob", "resolve", LATER);

    assertRefused(follow(wrongKeyForTheId), 403, "this link&#39;s signature is not valid");
    assertThat(get(token).body()).contains("Resolve incident inc-1");
    assertThat(follow(token).body()).contains("Incident inc-1 resolved by bob.");
    assertThat(published.published).hasSize(1);
    assertThat(api.bean(AuditLog.class).read(0, 100))
        .filteredOn(
            e -> published.published.get(0).commandId().equals(e.details().get("commandId")))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("keyId", "old-2026-01"));
  }

  @Test
  void aUserRemovedFromTheConfigurationCannotUseTheirLinkFromTheNextClickOn() {
    String token = link("inc-1", "dave", "acknowledge", LATER);
    assertThat(get(token).status()).isEqualTo(200);
    String withoutDave =
        """
        apiVersion: vigil/v1
        users:
          - { id: alice, name: Alice, contactMethods: [ { id: a, type: email, address: a@example.com } ] }
        escalationPolicies:
          - { id: ops, levels: [ { targets: [ { user: alice } ] } ] }
        services:
          - { id: payments, name: Payments API, escalationPolicy: ops }
        """;
    try {
      api.config().replace(withoutDave);

      assertRefused(follow(token), 403, "made for user &#39;dave&#39;, who is no longer in");
    } finally {
      api.config().replace(read("../deploy/local/vigil.yaml"));
    }
  }

  @Test
  void theRouteIsInTheOpenApiDescription() {
    String yaml =
        api.http.retrieve(HttpRequest.GET("/swagger/vigil-ticket-store-v1.yml"), String.class);

    assertThat(yaml)
        .contains("/a/{token}:")
        .contains("Show what a signed link from a page would do, with a confirm button")
        .contains("Acknowledge or resolve an incident with a signed link");
  }

  private static String link(String incident, String user, String action, long expires) {
    return TestLinks.token(TestLinks.LOCAL_KEY, "local", incident, user, action, expires);
  }

  private static void assertRefused(Page page, int status, String message) {
    assertThat(page.status()).isEqualTo(status);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains(message);
    assertThat(published.published).isEmpty();
  }

  private static String read(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Follows the link as a browser or a mail scanner does. */
  private static Page get(String token) {
    return exchange(HttpRequest.GET("/a/" + token));
  }

  /** Presses the confirm page's button: a form POST to the same address, with an empty body. */
  private static Page follow(String token) {
    return exchange(
        HttpRequest.POST("/a/" + token, "")
            .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE));
  }

  private static Page exchange(HttpRequest<?> request) {
    try {
      HttpResponse<String> response = api.http.exchange(request, String.class);
      return new Page(
          response.getStatus().getCode(),
          response.getContentType().map(Object::toString).orElse(""),
          response.getBody().orElse(""));
    } catch (HttpClientResponseException e) {
      return new Page(
          e.getStatus().getCode(),
          e.getResponse().getContentType().map(Object::toString).orElse(""),
          e.getResponse().getBody(String.class).orElse(""));
    }
  }
}
