package io.vigil.ticketstore.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /status.json} without a token: one line per public service, its state from the classes of
 * its open incidents and its maintenance windows, and nothing about private services.
 */
class StatusApiTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir static Path dir;

  private static ApiTestServer api;

  @BeforeAll
  static void start() throws Exception {
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(
        config,
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
          - { id: internal, name: Internal tools, escalationPolicy: ops }
        """
            .formatted(NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
    api = new ApiTestServer(Map.of("vigil.config-file", config.toString()));
    TicketLedger ledger = api.bean(TicketLedger.class);
    for (var event :
        List.of(
            Events.openedAs("p-1", "payments", "down", Priority.P1, IncidentClass.CRITICAL, NOW),
            Events.openedAs("p-2", "payments", "slow", Priority.P3, IncidentClass.MAJOR, NOW),
            Events.openedAs("c-1", "checkout", "slow", Priority.P3, IncidentClass.MAJOR, NOW),
            Events.openedAs("s-1", "search", "disk", Priority.P4, IncidentClass.MINOR, NOW),
            Events.openedAs("b-1", "billing", "down", Priority.P1, IncidentClass.CRITICAL, NOW),
            Events.resolved("b-1", "alice", NOW.plusSeconds(5)),
            Events.openedAs("i-1", "internal", "down", Priority.P1, IncidentClass.CRITICAL, NOW))) {
      ledger.apply(IncidentEventMapping.toTicketEvent(event));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void eachPublicServiceHasTheStateOfItsOpenIncidents() {
    ApiTestServer.Answer answer = api.send(HttpRequest.GET("/status.json"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .startsWith("{\"generatedAt\":")
        .endsWith(
            "\"state\":\"major_outage\",\"services\":["
                + "{\"id\":\"payments\",\"name\":\"Payments API\",\"state\":\"major_outage\","
                + "\"openIncidents\":2},"
                + "{\"id\":\"checkout\",\"name\":\"Checkout\",\"state\":\"degraded\","
                + "\"openIncidents\":1},"
                + "{\"id\":\"search\",\"name\":\"Search\",\"state\":\"operational\","
                + "\"openIncidents\":1},"
                + "{\"id\":\"billing\",\"name\":\"Billing\",\"state\":\"operational\","
                + "\"openIncidents\":0},"
                + "{\"id\":\"docs\",\"name\":\"Docs\",\"state\":\"maintenance\","
                + "\"openIncidents\":0}]}");
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
}
