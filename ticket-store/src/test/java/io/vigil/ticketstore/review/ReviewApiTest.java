package io.vigil.ticketstore.review;

import static io.vigil.ticketstore.ApiTestServer.ADMIN;
import static io.vigil.ticketstore.ApiTestServer.as;
import static io.vigil.ticketstore.Events.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.EscalationEventMapping;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Post-incident reviews over HTTP: the whole life of one review (create, read with the timeline
 * excerpt, replace, export as Markdown, delete), and the 400/401/404/409 answers.
 */
class ReviewApiTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:15:30Z");
  private static final String REVIEW =
      "{\"summary\":\"Payments failed for 12 minutes\",\"impact\":\"3% of checkouts failed\","
          + "\"rootCause\":\"pool limit | lowered in 1.42\",\"collateralDamage\":\"refunds late\","
          + "\"actionItems\":[{\"description\":\"alert on pool saturation\",\"owner\":\"alice\","
          + "\"dueDate\":\"2026-03-20\"}]}";

  private static ApiTestServer api;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(Map.of());
    TicketLedger ledger = api.bean(TicketLedger.class);
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", T0)));
    ledger.apply(
        EscalationEventMapping.toTicketEvent(
            Events.fired("inc-1", 1, List.of(user("alice", "schedule:p")), T0.plusSeconds(1))));
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.grouped("inc-1", 3, T0.plusSeconds(9))));
    ledger.apply(
        IncidentEventMapping.toTicketEvent(
            Events.acknowledged("inc-1", "alice", T0.plusSeconds(60))));
    ledger.apply(
        IncidentEventMapping.toTicketEvent(Events.resolved("inc-1", "alice", T0.plusSeconds(720))));
    ledger.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-2", "payments", T0)));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void aReviewIsWrittenReadReplacedExportedAndDeleted() {
    Answer created = send(HttpRequest.POST("/api/v1/incidents/inc-1/review", REVIEW), ADMIN);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body())
        .startsWith(
            "{\"incidentId\":\"inc-1\",\"title\":\"CPU above 90% on payments\","
                + "\"summary\":\"Payments failed for 12 minutes\",\"impact\":\"3% of checkouts failed\","
                + "\"rootCause\":\"pool limit | lowered in 1.42\",\"collateralDamage\":\"refunds late\","
                + "\"actionItems\":[{\"description\":\"alert on pool saturation\",\"owner\":\"alice\","
                + "\"dueDate\":\"2026-03-20\",\"status\":\"open\"}],"
                + "\"timelineExcerpt\":["
                + "{\"at\":\"2026-03-02T10:15:30Z\",\"kind\":\"OPENED\",\"actor\":\"classifier\",")
        .contains("\"kind\":\"PAGED\"")
        .contains("\"kind\":\"ACKNOWLEDGED\"")
        .contains("\"kind\":\"RESOLVED\"")
        .doesNotContain("ALERT_GROUPED")
        .contains("\"createdBy\":\"bootstrap-admin\"");

    Answer replaced =
        send(
            HttpRequest.PUT(
                "/api/v1/incidents/inc-1/review",
                REVIEW.replace("\"dueDate\":\"2026-03-20\"", "\"status\":\"done\"")),
            ADMIN);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body())
        .contains(
            "{\"description\":\"alert on pool saturation\",\"owner\":\"alice\","
                + "\"dueDate\":null,\"status\":\"done\"}");

    Answer markdown = send(HttpRequest.GET("/api/v1/incidents/inc-1/review/markdown"), null);
    assertThat(markdown.status()).isEqualTo(200);
    assertThat(markdown.body())
        .isEqualTo(
            """
            # Post-incident review: CPU above 90% on payments

            - Incident: `inc-1` on service `payments`
            - Priority: P1, class critical
            - Detected: 2026-03-02T10:15:30Z
            - Acknowledged: 2026-03-02T10:16:30Z
            - Resolved: 2026-03-02T10:27:30Z

            ## Summary

            Payments failed for 12 minutes

            ## Impact

            3% of checkouts failed

            ## Root cause

            pool limit | lowered in 1.42

            ## Collateral damage

            refunds late

            ## Timeline

            | time (UTC) | what | who |
            |---|---|---|
            | 2026-03-02T10:15:30Z | opened "CPU above 90% on payments" as P1 critical, high urgency | classifier |
            | 2026-03-02T10:15:31Z | paged alice (level 1, via schedule:p) | escalation |
            | 2026-03-02T10:16:30Z | acknowledged by alice | alice |
            | 2026-03-02T10:27:30Z | resolved by alice | alice |

            ## Action items

            | action | owner | due | status |
            |---|---|---|---|
            | alert on pool saturation | alice | — | done |
            """);

    assertThat(send(HttpRequest.DELETE("/api/v1/incidents/inc-1/review"), ADMIN).status())
        .isEqualTo(204);
    assertError(
        send(HttpRequest.GET("/api/v1/incidents/inc-1/review"), null),
        404,
        "incident 'inc-1' has no review yet; POST one first");
    assertThat(send(HttpRequest.GET("/api/v1/audit"), ADMIN).body())
        .contains("\"action\":\"review.create\",\"target\":\"inc-1\"")
        .contains("\"action\":\"review.update\",\"target\":\"inc-1\"")
        .contains("\"action\":\"review.delete\",\"target\":\"inc-1\"");
  }

  @Test
  void mistakesAreAnsweredWithTheReason() {
    assertError(
        send(HttpRequest.POST("/api/v1/incidents/nope/review", REVIEW), ADMIN),
        404,
        "no incident 'nope'");
    assertError(
        send(HttpRequest.POST("/api/v1/incidents/inc-2/review", REVIEW), null),
        401,
        "missing API token: send 'Authorization: Bearer <token>' with a responder token");
    assertError(
        send(
            HttpRequest.POST(
                "/api/v1/incidents/inc-2/review",
                "{\"actionItems\":[{\"description\":\"x\",\"owner\":\" \"}]}"),
            ADMIN),
        400,
        "actionItems[0].owner must not be blank: name who does it");
    assertError(
        send(
            HttpRequest.POST(
                "/api/v1/incidents/inc-2/review",
                "{\"actionItems\":[{\"description\":\"x\",\"owner\":\"a\",\"dueDate\":\"soon\"}]}"),
            ADMIN),
        400,
        "actionItems[0].dueDate must be a date like 2026-03-20, got 'soon'");
    assertError(
        send(
            HttpRequest.POST(
                "/api/v1/incidents/inc-2/review",
                "{\"actionItems\":[{\"description\":\"x\",\"owner\":\"a\",\"status\":\"later\"}]}"),
            ADMIN),
        400,
        "actionItems[0].status must be one of open, in_progress, done, got 'later'");
    assertError(
        send(HttpRequest.PUT("/api/v1/incidents/inc-2/review", REVIEW), ADMIN),
        404,
        "incident 'inc-2' has no review yet; POST one first");
    assertThat(send(HttpRequest.POST("/api/v1/incidents/inc-2/review", "{}"), ADMIN).status())
        .isEqualTo(201);
    assertError(
        send(HttpRequest.POST("/api/v1/incidents/inc-2/review", REVIEW), ADMIN),
        409,
        "incident 'inc-2' has a review already; PUT it to change it");
  }

  private static Answer send(MutableHttpRequest<?> request, String token) {
    return api.send(as(token, request.contentType("application/json")));
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }
}
