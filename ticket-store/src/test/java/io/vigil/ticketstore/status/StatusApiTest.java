package io.vigil.ticketstore.status;

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
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /status.json} without a token shows only what is public: one entry per public service with
 * its state from the classes of its open incidents and its maintenance windows, and its 90-day
 * history; nothing of private services. Public incident updates are in {@link StatusUpdateApiTest}.
 */
class StatusApiTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

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
          - { id: search, name: Search, public: true, escalationPolicy: ops }
          - { id: billing, name: Billing, public: true, escalationPolicy: ops }
          - id: docs
            name: Docs
            public: true
            escalationPolicy: ops
            maintenance:
              - { start: "%s", end: "%s", reason: upgrade }
          - { id: archive, name: Archive, public: true, escalationPolicy: ops }
          - { id: internal, name: Internal tools, escalationPolicy: ops }
        """
            .formatted(NOW.minusSeconds(3600), NOW.plusSeconds(3600));
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, document);
    api = new ApiTestServer(Map.of("vigil.config-file", config.toString()));
    TicketLedger ledger = api.bean(TicketLedger.class);
    Instant day3 = TODAY.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant day2 = TODAY.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant day5 = TODAY.minusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (var event :
        List.of(
            Events.openedAs("p-1", "payments", "down", Priority.P1, IncidentClass.CRITICAL, NOW),
            Events.openedAs("p-2", "payments", "slow", Priority.P3, IncidentClass.MAJOR, NOW),
            Events.openedAs("c-1", "checkout", "slow", Priority.P3, IncidentClass.MAJOR, NOW),
            Events.openedAs("s-1", "search", "disk", Priority.P4, IncidentClass.MINOR, NOW),
            Events.openedAs("b-1", "billing", "down", Priority.P1, IncidentClass.CRITICAL, NOW),
            Events.resolved("b-1", "alice", NOW.plusSeconds(5)),
            Events.openedAs("i-1", "internal", "down", Priority.P1, IncidentClass.CRITICAL, NOW),
            // The archive's history: 6 hours down three days ago; one hour degraded two days
            // ago; an outage from 18:00 five days ago to 06:00 four days ago.
            Events.openedAs(
                "a-1", "archive", "down", Priority.P1, IncidentClass.CRITICAL, day3.plus(hours(6))),
            Events.resolved("a-1", "alice", day3.plus(hours(12))),
            Events.openedAs(
                "a-2", "archive", "slow", Priority.P3, IncidentClass.MAJOR, day2.plus(hours(12))),
            Events.resolved("a-2", "alice", day2.plus(hours(13))),
            Events.openedAs(
                "a-3",
                "archive",
                "down",
                Priority.P1,
                IncidentClass.CRITICAL,
                day5.plus(hours(18))),
            Events.resolved("a-3", "alice", day5.plus(hours(30))))) {
      ledger.apply(IncidentEventMapping.toTicketEvent(event));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void eachPublicServiceHasTheStateOfItsOpenIncidents() {
    Answer answer = api.send(HttpRequest.GET("/status.json"));

    assertThat(answer.status()).isEqualTo(200);
    Map<String, Object> page = json(answer.body());
    assertThat(page.get("state")).isEqualTo("major_outage");
    assertThat(services(page))
        .extracting(
            s ->
                s.get("id")
                    + " "
                    + s.get("name")
                    + " "
                    + s.get("state")
                    + " "
                    + s.get("openIncidents"))
        .containsExactly(
            "payments Payments API major_outage 2",
            "checkout Checkout degraded 1",
            "search Search operational 1",
            "billing Billing operational 0",
            "docs Docs maintenance 0",
            "archive Archive operational 0");
    assertThat(answer.body()).doesNotContain("internal").doesNotContain("Internal tools");
  }

  @Test
  void eachPublicServiceHasNinetyDaysOfHistoryWithTheWorstStateAndUptimePerDay() {
    String body = api.send(HttpRequest.GET("/status.json")).body();
    Map<String, Object> archive = service(json(body), "archive");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) archive.get("history");
    assertThat(history).hasSize(90);
    assertThat(history.get(0).get("date")).isEqualTo(TODAY.minusDays(89).toString());
    assertThat(history.get(89).get("date")).isEqualTo(TODAY.toString());
    assertThat(body)
        .contains(day(5, "major_outage", "75.0"))
        .contains(day(4, "major_outage", "75.0"))
        .contains(day(3, "major_outage", "75.0"))
        .contains(day(2, "degraded", "100.0"))
        .contains(day(1, "operational", "100.0"))
        .contains(day(6, "operational", "100.0"));
    // 18 hours down out of 89 days and today so far, floored to two decimals.
    Instant generatedAt = Instant.parse((String) json(body).get("generatedAt"));
    long total =
        Duration.between(TODAY.minusDays(89).atStartOfDay(ZoneOffset.UTC).toInstant(), generatedAt)
            .toMillis();
    long up = total - hours(18).toMillis();
    assertThat(((Number) archive.get("uptime")).doubleValue())
        .isEqualTo(Math.floorDiv(up * 10_000, total) / 100.0);
    // Billing's critical incident was open today, if only for seconds: the day was an outage.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> billing =
        (List<Map<String, Object>>) service(json(body), "billing").get("history");
    assertThat(billing.get(89).get("state")).isEqualTo("major_outage");
    // A maintenance window today, and no outage in it.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> docs =
        (List<Map<String, Object>>) service(json(body), "docs").get("history");
    assertThat(docs.get(89)).containsEntry("state", "maintenance");
    assertThat(((Number) docs.get(89).get("uptime")).doubleValue()).isEqualTo(100.0);
  }

  @Test
  void theStateRuleOrdersOutageOverMaintenanceOverDegraded() {
    assertThat(ServiceState.derive(true, List.of("CRITICAL"))).isEqualTo(ServiceState.MAJOR_OUTAGE);
    assertThat(ServiceState.derive(true, List.of("MAJOR"))).isEqualTo(ServiceState.MAINTENANCE);
    assertThat(ServiceState.derive(false, List.of("MINOR", "MAJOR")))
        .isEqualTo(ServiceState.DEGRADED);
    assertThat(ServiceState.derive(false, List.of("MINOR"))).isEqualTo(ServiceState.OPERATIONAL);
    assertThat(ServiceState.derive(false, List.of())).isEqualTo(ServiceState.OPERATIONAL);
  }

  @Test
  void theRoutesAreInTheOpenApiDescription() {
    String yaml = api.send(HttpRequest.GET("/swagger/vigil-ticket-store-v1.yml")).body();

    assertThat(yaml)
        .contains("\n  /status.json:\n")
        .contains("\n  /api/v1/incidents/{id}/status-updates:\n")
        .contains("Post a public update of the incident for the status page");
  }

  private static String day(int daysAgo, String state, String uptime) {
    return "{\"date\":\""
        + TODAY.minusDays(daysAgo)
        + "\",\"state\":\""
        + state
        + "\",\"uptime\":"
        + uptime
        + "}";
  }

  private static Duration hours(int n) {
    return Duration.ofHours(n);
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

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> services(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("services");
  }

  private static Map<String, Object> service(Map<String, Object> page, String id) {
    return services(page).stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
  }
}
