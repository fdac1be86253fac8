package io.vigil.ticketstore.api;

import static io.vigil.ticketstore.Events.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.schemas.Channel;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.TestDatabase;
import io.vigil.ticketstore.feed.EscalationEventMapping;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.feed.NotificationEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API over HTTP, in-process, against a real database holding two incidents. */
class IncidentApiTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:15:30Z");

  private static TestDatabase database;
  private static EmbeddedServer server;
  private static HttpClient client;
  private static BlockingHttpClient http;

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.put("kafka.enabled", false);
    properties.put("micronaut.server.port", -1);
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    client = HttpClient.create(server.getURL());
    http = client.toBlocking();

    TicketLedger ledger = server.getApplicationContext().getBean(TicketLedger.class);
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", T0)));
    ledger.apply(
        EscalationEventMapping.toTicketEvent(
            Events.fired(
                "inc-1",
                1,
                List.of(user("alice", "schedule:payments-primary")),
                T0.plusSeconds(1))));
    ledger.apply(
        NotificationEventMapping.toTicketEvent(
            Events.delivery(
                "inc-1", "alice", Channel.WEBHOOK, DeliveryOutcome.DELIVERED, T0.plusSeconds(2))));
    ledger.apply(
        IncidentEventMapping.toTicketEvent(Events.grouped("inc-1", 4, T0.plusSeconds(30))));
    ledger.apply(
        IncidentEventMapping.toTicketEvent(
            Events.acknowledged("inc-1", "alice", T0.plusSeconds(60))));
    ledger.apply(
        IncidentEventMapping.toTicketEvent(Events.opened("inc-2", "search", T0.plusSeconds(90))));
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.getApplicationContext().close();
    database.close();
  }

  @Test
  void listsIncidentsNewestFirst() {
    String body = http.retrieve("/api/v1/incidents");

    assertThat(body)
        .isEqualTo(
            "{\"incidents\":["
                + "{\"id\":\"inc-2\",\"serviceId\":\"search\",\"title\":\"CPU above 90% on search\","
                + "\"status\":\"TRIGGERED\",\"priority\":\"P1\",\"class\":\"CRITICAL\",\"urgency\":\"HIGH\","
                + "\"alertCount\":1,\"firstSeen\":\"2026-03-02T10:17:00Z\",\"lastSeen\":\"2026-03-02T10:17:00Z\"},"
                + "{\"id\":\"inc-1\",\"serviceId\":\"payments\",\"title\":\"CPU above 90% on payments\","
                + "\"status\":\"ACKNOWLEDGED\",\"priority\":\"P1\",\"class\":\"CRITICAL\",\"urgency\":\"HIGH\","
                + "\"alertCount\":4,\"firstSeen\":\"2026-03-02T10:15:30Z\",\"lastSeen\":\"2026-03-02T10:16:00Z\"}"
                + "],\"count\":2,\"limit\":50,\"nextCursor\":null}");
  }

  @Test
  void filtersByStatusServiceAndLimit() {
    assertThat(ids("/api/v1/incidents?status=acknowledged")).containsExactly("inc-1");
    assertThat(ids("/api/v1/incidents?service=search")).containsExactly("inc-2");
    assertThat(ids("/api/v1/incidents?limit=1")).containsExactly("inc-2");
    assertThat(http.retrieve("/api/v1/incidents?status=RESOLVED"))
        .isEqualTo("{\"incidents\":[],\"count\":0,\"limit\":50,\"nextCursor\":null}");
  }

  @Test
  void showsOneIncidentWithItsTimeline() {
    String body = http.retrieve("/api/v1/incidents/inc-1");

    assertThat(body)
        .isEqualTo(
            "{\"id\":\"inc-1\",\"serviceId\":\"payments\",\"dedupKey\":\"cpu-high\","
                + "\"title\":\"CPU above 90% on payments\",\"severity\":\"CRITICAL\","
                + "\"status\":\"ACKNOWLEDGED\",\"priority\":\"P1\",\"class\":\"CRITICAL\","
                + "\"urgency\":\"HIGH\",\"alertCount\":4,\"firstSeen\":\"2026-03-02T10:15:30Z\","
                + "\"lastSeen\":\"2026-03-02T10:16:00Z\",\"acknowledgedAt\":\"2026-03-02T10:16:30Z\",\"resolvedAt\":null,"
                + "\"escalationPolicyId\":\"payments\",\"updatedAt\":\"2026-03-02T10:16:30Z\","
                + "\"timeline\":["
                + "{\"at\":\"2026-03-02T10:15:30Z\",\"kind\":\"OPENED\",\"actor\":\"classifier\","
                + "\"summary\":\"opened \\\"CPU above 90% on payments\\\" as P1 critical, high urgency\"},"
                + "{\"at\":\"2026-03-02T10:15:31Z\",\"kind\":\"PAGED\",\"actor\":\"escalation\","
                + "\"summary\":\"paged alice (level 1, via schedule:payments-primary)\"},"
                + "{\"at\":\"2026-03-02T10:15:32Z\",\"kind\":\"DELIVERED\",\"actor\":\"notifier\","
                + "\"summary\":\"delivered to alice by webhook\"},"
                + "{\"at\":\"2026-03-02T10:16:00Z\",\"kind\":\"ALERT_GROUPED\",\"actor\":\"classifier\","
                + "\"summary\":\"alert grouped, 4 alerts in total: CPU 95%\"},"
                + "{\"at\":\"2026-03-02T10:16:30Z\",\"kind\":\"ACKNOWLEDGED\",\"actor\":\"alice\","
                + "\"summary\":\"acknowledged by alice\"}],"
                + "\"sla\":{\"timeToAcknowledgeMillis\":null,\"timeToResolveMillis\":null,"
                + "\"breaches\":[]},\"recentChanges\":[]}");
  }

  @Test
  void anUnknownIncidentIsA404NamingIt() {
    HttpClientResponseException e = error("/api/v1/incidents/nope");

    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    assertThat(e.getResponse().getBody(String.class).orElseThrow())
        .contains("{\"message\":\"no incident 'nope'\"}");
  }

  @Test
  void aBadFilterIsA400WithTheReason() {
    HttpClientResponseException status = error("/api/v1/incidents?status=open");
    assertThat(status.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    assertThat(status.getResponse().getBody(String.class).orElseThrow())
        .contains(
            "{\"message\":\"status must be one of TRIGGERED, ACKNOWLEDGED, RESOLVED, got 'open'\"}");

    HttpClientResponseException limit = error("/api/v1/incidents?limit=501");
    assertThat(limit.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    assertThat(limit.getResponse().getBody(String.class).orElseThrow())
        .contains("{\"message\":\"limit must be between 1 and 500, got 501\"}");
  }

  @Test
  void healthMetricsAndTheOpenApiDescriptionAreServed() {
    assertThat(http.exchange("/health").getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    assertThat(http.exchange("/prometheus", String.class).getStatus().getCode())
        .isEqualTo(HttpStatus.OK.getCode());
    HttpResponse<String> openApi =
        http.exchange(HttpRequest.GET("/swagger/vigil-ticket-store-v1.yml"), String.class);
    assertThat(openApi.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    assertThat(openApi.body()).contains("/api/v1/incidents/{id}:");
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(String uri) {
    Map<String, Object> body = http.retrieve(HttpRequest.GET(uri), Map.class);
    return ((List<Map<String, Object>>) body.get("incidents"))
        .stream().map(i -> (String) i.get("id")).toList();
  }

  private static HttpClientResponseException error(String uri) {
    try {
      http.exchange(uri, String.class);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("expected an error from " + uri);
  }
}
