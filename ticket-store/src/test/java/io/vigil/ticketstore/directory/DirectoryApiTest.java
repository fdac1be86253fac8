package io.vigil.ticketstore.directory;

import static io.vigil.ticketstore.ApiTestServer.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/users} and {@code /api/v1/services} over HTTP: the configuration in force at each
 * request, without secrets — no webhook secret, Slack or Teams URL path, or whole integration key —
 * and each service's state and open incidents from the tickets.
 */
class DirectoryApiTest {

  private static final String DOCUMENT =
      """
      apiVersion: vigil/v1
      users:
        - id: alice
          name: Alice Example
          timeZone: Asia/Jakarta
          contactMethods:
            - id: alice-hook
              type: webhook
              url: "https://hooks.example.com/alice?token=hook-token-1"
              secret: webhook-secret-0123456789
              secrets: [ webhook-secret-older-0123 ]
            - { id: alice-slack, type: slack, url: "https://hooks.slack.com/services/T0/B0/slacktoken99" }
            - { id: alice-mail, type: email, address: alice@example.com }
            - { id: alice-sms, type: sms, number: "+6281200000001" }
          notificationRules:
            high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-sms, after: 2m } ]
            low:  [ { contactMethod: alice-mail, after: 0s } ]
        - { id: bob, contactMethods: [ { id: bob-mail, type: email, address: bob@example.com } ] }
      teams:
        - { id: leads, name: Leads, members: [ bob ] }
      schedules:
        - id: primary
          layers:
            - { start: "2026-01-05T09:00", shift: 1w, users: [ alice, bob ] }
      escalationPolicies:
        - id: payments
          name: Payments
          repeat: 1
          acknowledgeTimeout: 30m
          levels:
            - { targets: [ { schedule: primary } ], escalateAfter: 5m }
            - { targets: [ { user: bob }, { team: leads } ], escalateAfter: 10m, roundRobin: true }
      services:
        - id: payments
          name: Payments API
          tier: 1
          public: true
          escalationPolicy: payments
          integrations:
            - type: events-v2
              key: "0123456789abcdef0123456789ab1111"
              signingSecret: integration-signing-secret-01
              rateLimit: { perSecond: 10, burst: 50 }
            - { type: alertmanager, key: "fedcba9876543210fedcba987654aaaa" }
        - { id: search, name: Search, escalationPolicy: payments }
      """;

  @TempDir static Path dir;

  private static ApiTestServer api;

  @BeforeAll
  static void start() throws Exception {
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, DOCUMENT);
    api = new ApiTestServer(Map.of("vigil.config-file", config.toString()));
    TicketLedger ledger = api.bean(TicketLedger.class);
    Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
    for (var event :
        new io.vigil.schemas.IncidentEvent[] {
          Events.openedAs("p-1", "payments", "down", Priority.P1, IncidentClass.CRITICAL, t0),
          Events.openedAs("p-2", "payments", "slow", Priority.P3, IncidentClass.MAJOR, t0),
          Events.acknowledged("p-2", "alice", t0.plusSeconds(60)),
          Events.openedAs("p-3", "payments", "old", Priority.P3, IncidentClass.MAJOR, t0),
          Events.resolved("p-3", "alice", t0.plusSeconds(60)),
        }) {
      ledger.apply(IncidentEventMapping.toTicketEvent(event));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void usersAreListedWithTheirTeams() {
    assertThat(get("/api/v1/users").body())
        .isEqualTo(
            "{\"users\":["
                + "{\"id\":\"alice\",\"name\":\"Alice Example\",\"timeZone\":\"Asia/Jakarta\","
                + "\"teams\":[]},"
                + "{\"id\":\"bob\",\"name\":\"bob\",\"timeZone\":\"UTC\",\"teams\":[\"leads\"]}]}");
  }

  @Test
  void aUserShowsWhereTheyAreReachedButNoSecret() {
    Answer answer = get("/api/v1/users/alice");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"id\":\"alice\",\"name\":\"Alice Example\",\"timeZone\":\"Asia/Jakarta\","
                + "\"teams\":[],\"schedules\":[\"primary\"],\"contactMethods\":["
                + "{\"id\":\"alice-hook\",\"type\":\"webhook\",\"address\":null,\"number\":null,"
                + "\"url\":\"https://hooks.example.com/…\",\"signed\":true},"
                + "{\"id\":\"alice-slack\",\"type\":\"slack\",\"address\":null,\"number\":null,"
                + "\"url\":\"https://hooks.slack.com/…\",\"signed\":false},"
                + "{\"id\":\"alice-mail\",\"type\":\"email\",\"address\":\"alice@example.com\","
                + "\"number\":null,\"url\":null,\"signed\":false},"
                + "{\"id\":\"alice-sms\",\"type\":\"sms\",\"address\":null,"
                + "\"number\":\"+6281200000001\",\"url\":null,\"signed\":false}],"
                + "\"notificationRules\":{\"high\":[{\"contactMethod\":\"alice-hook\",\"after\":\"0s\"},"
                + "{\"contactMethod\":\"alice-sms\",\"after\":\"2m\"}],"
                + "\"low\":[{\"contactMethod\":\"alice-mail\",\"after\":\"0s\"}]}}");
    assertThat(answer.body())
        .doesNotContain("webhook-secret")
        .doesNotContain("hook-token-1")
        .doesNotContain("slacktoken99");
  }

  @Test
  void servicesAreListedWithStateAndOpenIncidents() {
    assertThat(get("/api/v1/services").body())
        .isEqualTo(
            "{\"services\":["
                + "{\"id\":\"payments\",\"name\":\"Payments API\",\"tier\":1,\"public\":true,"
                + "\"state\":\"major_outage\","
                + "\"openIncidents\":{\"triggered\":1,\"acknowledged\":1,\"total\":2},"
                + "\"escalationPolicy\":\"payments\"},"
                + "{\"id\":\"search\",\"name\":\"Search\",\"tier\":3,\"public\":false,"
                + "\"state\":\"operational\","
                + "\"openIncidents\":{\"triggered\":0,\"acknowledged\":0,\"total\":0},"
                + "\"escalationPolicy\":\"payments\"}]}");
  }

  @Test
  void aServiceShowsItsIntegrationsWithMaskedKeysAndItsPolicy() {
    Answer answer = get("/api/v1/services/payments");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"id\":\"payments\",\"name\":\"Payments API\",\"tier\":1,\"public\":true,"
                + "\"state\":\"major_outage\","
                + "\"openIncidents\":{\"triggered\":1,\"acknowledged\":1,\"total\":2},"
                + "\"integrations\":["
                + "{\"type\":\"events-v2\",\"key\":\"****************************1111\","
                + "\"signed\":true,\"rateLimit\":{\"perSecond\":10,\"burst\":50}},"
                + "{\"type\":\"alertmanager\",\"key\":\"****************************aaaa\","
                + "\"signed\":false,\"rateLimit\":null}],"
                + "\"escalationPolicy\":{\"id\":\"payments\",\"name\":\"Payments\",\"repeat\":1,"
                + "\"acknowledgeTimeout\":\"30m\",\"repageOnHigherPriority\":false,\"levels\":["
                + "{\"level\":1,\"targets\":[{\"type\":\"schedule\",\"id\":\"primary\"}],"
                + "\"escalateAfter\":\"5m\",\"roundRobin\":false},"
                + "{\"level\":2,\"targets\":[{\"type\":\"user\",\"id\":\"bob\"},"
                + "{\"type\":\"team\",\"id\":\"leads\"}],\"escalateAfter\":\"10m\","
                + "\"roundRobin\":true}]},"
                + "\"maintenance\":[]}");
    assertThat(answer.body())
        .doesNotContain("0123456789abcdef")
        .doesNotContain("integration-signing-secret");
  }

  @Test
  void unknownIdsAre404() {
    assertError(
        get("/api/v1/users/mallory"),
        404,
        "no user 'mallory' in the configuration; GET /api/v1/users lists them");
    assertError(
        get("/api/v1/services/nope"),
        404,
        "no service 'nope' in the configuration; GET /api/v1/services lists them");
  }

  @Test
  void eachRequestReadsTheConfigurationInForceNow() {
    assertThat(get("/api/v1/users/carol").status()).isEqualTo(404);
    try {
      api.config()
          .replace(
              DOCUMENT
                  .replace(
                      "  - { id: bob, contactMethods",
                      "  - { id: carol, name: Carol, contactMethods: [ { id: c-mail, type: email,"
                          + " address: carol@example.com } ] }\n  - { id: bob, contactMethods")
                  .replace("id: search, name: Search,", "id: search, name: Search v2,"));

      assertThat(get("/api/v1/users/carol").body())
          .startsWith("{\"id\":\"carol\",\"name\":\"Carol\",");
      assertThat(get("/api/v1/services/search").body())
          .startsWith("{\"id\":\"search\",\"name\":\"Search v2\",");
    } finally {
      api.config().replace(DOCUMENT);
    }
    assertThat(get("/api/v1/users/carol").status()).isEqualTo(404);
  }

  @Test
  void readsNeedAViewerTokenOnceAnonymousReadsAreOff() throws Exception {
    try (ApiTestServer closed =
        new ApiTestServer(
            Map.of(
                "vigil.api.allow-anonymous-read",
                false,
                "vigil.config-file",
                dir.resolve("vigil.yaml").toString()))) {
      Answer anonymous = closed.send(HttpRequest.GET("/api/v1/services"));
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(closed.send(as(ApiTestServer.ADMIN, HttpRequest.GET("/api/v1/users"))).status())
          .isEqualTo(200);
    }
  }

  @Test
  void theRoutesAreInTheOpenApiDescription() {
    String yaml = get("/swagger/vigil-ticket-store-v1.yml").body();

    for (String path :
        new String[] {
          "/api/v1/users:", "/api/v1/users/{id}:", "/api/v1/services:", "/api/v1/services/{id}:"
        }) {
      assertThat(yaml).contains("\n  " + path + "\n");
    }
  }

  private static Answer get(String uri) {
    return api.send(HttpRequest.GET(uri));
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }
}
