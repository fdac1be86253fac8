package io.vigil.ticketstore.status;

import static io.vigil.ticketstore.ApiTestServer.ADMIN;
import static io.vigil.ticketstore.ApiTestServer.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.JsonMapper;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public incident updates: a responder posts them for an incident of a public service, they show
 * with the incident on {@code /status.json} (public title and messages only, newest first) until
 * seven days after one said resolved, and disappear with a service made private.
 */
class StatusUpdateApiTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir static Path dir;

  private static ApiTestServer api;
  private static String document;

  @BeforeAll
  static void start() throws Exception {
    document =
        """
        apiVersion: vigil/v1
        users:
          - id: alice
            name: Alice
            contactMethods:
              - { id: alice-hook, type: webhook, url: "http://127.0.0.1:9999/alice" }
            notificationRules:
              high: [ { contactMethod: alice-hook, after: 0s } ]
              low:  [ { contactMethod: alice-hook, after: 0s } ]
        escalationPolicies:
          - id: ops
            levels:
              - { targets: [ { user: alice } ] }
        services:
          - { id: payments, name: Payments API, public: true, escalationPolicy: ops }
          - { id: checkout, name: Checkout, public: true, escalationPolicy: ops }
          - { id: internal, name: Internal tools, escalationPolicy: ops }
        """;
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, document);
    api = new ApiTestServer(Map.of("vigil.config-file", config.toString()));
    TicketLedger ledger = api.bean(TicketLedger.class);
    for (var event :
        List.of(
            Events.openedAs("p-1", "payments", "down", Priority.P1, IncidentClass.CRITICAL, NOW),
            Events.openedAs("p-2", "payments", "slow", Priority.P3, IncidentClass.MAJOR, NOW),
            Events.openedAs("c-1", "checkout", "slow", Priority.P3, IncidentClass.MAJOR, NOW),
            Events.openedAs("i-1", "internal", "down", Priority.P1, IncidentClass.CRITICAL, NOW))) {
      ledger.apply(IncidentEventMapping.toTicketEvent(event));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void aResponderPostsPublicUpdatesThatShowWithTheIncidentNewestFirst() {
    Answer first =
        send(
            HttpRequest.POST(
                "/api/v1/incidents/p-1/status-updates",
                "{\"status\":\"investigating\",\"message\":\"Some card payments fail.\"}"),
            ADMIN);
    Answer second =
        send(
            HttpRequest.POST(
                "/api/v1/incidents/p-1/status-updates",
                "{\"status\":\"identified\",\"title\":\"Card payments failing\","
                    + "\"message\":\"  A faulty deploy; rolling back.  \"}"),
            ADMIN);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body())
        .matches(
            "\\{\"id\":\\d+,\"incidentId\":\"p-1\",\"status\":\"identified\","
                + "\"title\":\"Card payments failing\",\"message\":\"A faulty deploy; rolling"
                + " back.\",\"postedBy\":\"bootstrap-admin\",\"at\":\"[^\"]+\"}");
    Map<String, Object> page = json(api.send(HttpRequest.GET("/status.json")).body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> incidents = (List<Map<String, Object>>) page.get("incidents");
    assertThat(incidents).hasSize(1);
    Map<String, Object> incident = incidents.get(0);
    assertThat(incident)
        .containsEntry("id", "p-1")
        .containsEntry("serviceId", "payments")
        .containsEntry("serviceName", "Payments API")
        .containsEntry("title", "Card payments failing")
        .containsEntry("status", "identified");
    assertThat(incident.get("updates"))
        .asList()
        .extracting(u -> ((Map<?, ?>) u).get("status") + ": " + ((Map<?, ?>) u).get("message"))
        .containsExactly(
            "identified: A faulty deploy; rolling back.",
            "investigating: Some card payments fail.");
    assertThat(incident.toString()).doesNotContain("down").doesNotContain("bootstrap-admin");
    assertThat(api.send(HttpRequest.GET("/api/v1/incidents/p-1/status-updates")).body())
        .startsWith("{\"incidentId\":\"p-1\",\"updates\":[{\"id\":")
        .contains("\"status\":\"identified\"");
    assertThat(api.bean(AuditLog.class).read(0, 500))
        .filteredOn(e -> e.action().equals("incident.status_update"))
        .extracting(
            e -> e.actor() + " " + e.via() + " " + e.target() + " " + e.details().get("status"))
        .contains("bootstrap-admin api p-1 investigating", "bootstrap-admin api p-1 identified");
  }

  @Test
  void aResolvedIncidentLeavesTheStatusPageSevenDaysAfterItsLastUpdate() throws Exception {
    try (var c = api.bean(DataSource.class).getConnection();
        var s = c.createStatement()) {
      s.execute(
          "INSERT INTO status_updates (incident_id, status, message, posted_by, posted_at) VALUES"
              + " ('c-1', 'RESOLVED', 'Fixed.', 'alice', TIMESTAMP WITH TIME ZONE '"
              + NOW.minus(Duration.ofDays(8)).toString().replace('T', ' ').replace("Z", "+00")
              + "')");
    }
    assertThat(api.send(HttpRequest.GET("/status.json")).body()).doesNotContain("\"c-1\"");

    send(
        HttpRequest.POST(
            "/api/v1/incidents/c-1/status-updates",
            "{\"status\":\"monitoring\",\"message\":\"Watching it again.\"}"),
        ADMIN);

    assertThat(api.send(HttpRequest.GET("/status.json")).body())
        .contains("\"id\":\"c-1\"")
        .contains("\"title\":\"Checkout incident\"");
  }

  @Test
  void badUpdatesAreRefusedWithTheReason() {
    assertError(
        post("p-2", "{\"status\":\"fixed\",\"message\":\"x\"}", ADMIN),
        400,
        "status must be one of investigating, identified, monitoring, resolved, got 'fixed'");
    assertError(
        post("p-2", "{\"status\":\"monitoring\",\"message\":\" \"}", ADMIN),
        400,
        "message must not be blank: write what the public should read");
    assertError(
        post("p-2", "{\"status\":\"monitoring\",\"message\":\"" + "x".repeat(2001) + "\"}", ADMIN),
        400,
        "message must be at most 2000 characters, got 2001");
    assertError(
        post("i-1", "{\"status\":\"monitoring\",\"message\":\"x\"}", ADMIN),
        400,
        "incident 'i-1' belongs to service 'internal', which is not on the status page; mark the"
            + " service public: true in the configuration first");
    assertError(
        post("nope", "{\"status\":\"monitoring\",\"message\":\"x\"}", ADMIN),
        404,
        "no incident 'nope'");
    assertError(
        post("p-2", "{\"status\":\"monitoring\",\"message\":\"x\"}", null),
        401,
        "missing API token: send 'Authorization: Bearer <token>' with a responder token");
  }

  @Test
  void aServiceMadePrivateDisappearsFromTheNextAnswer() {
    send(
        HttpRequest.POST(
            "/api/v1/incidents/p-2/status-updates",
            "{\"status\":\"investigating\",\"message\":\"Slow payments.\"}"),
        ADMIN);
    assertThat(api.send(HttpRequest.GET("/status.json")).body()).contains("\"p-2\"");

    try {
      api.config()
          .replace(
              document.replace(
                  "id: payments, name: Payments API, public: true",
                  "id: payments, name: Payments API"));

      String body = api.send(HttpRequest.GET("/status.json")).body();
      assertThat(body).doesNotContain("payments").doesNotContain("Payments API");
      // Checkout's major incident is now the worst left.
      assertThat(json(body).get("state")).isEqualTo("degraded");
    } finally {
      api.config().replace(document);
    }
    assertThat(api.send(HttpRequest.GET("/status.json")).body()).contains("\"p-2\"");
  }

  private static Answer post(String incident, String body, String token) {
    return send(HttpRequest.POST("/api/v1/incidents/" + incident + "/status-updates", body), token);
  }

  private static Answer send(MutableHttpRequest<?> request, String token) {
    return api.send(as(token, request.contentType("application/json")));
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }

  private static Map<String, Object> json(String body) {
    try {
      return api.bean(JsonMapper.class).readValue(body, Argument.mapOf(String.class, Object.class));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
