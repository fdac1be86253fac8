package io.vigil.ticketstore.console;

import static io.vigil.ticketstore.console.ConsoleHttp.csrf;
import static io.vigil.ticketstore.console.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaMetric;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.sla.SlaEventMapping;
import io.vigil.ticketstore.sla.SlaLedger;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's other pages over HTTP: the review editor (saved through the review API's store,
 * refused with the reason and the typed text kept), the services with masked keys and recent
 * incidents, on call now from a stand-in escalation service (and when it is down), and the SLA
 * dashboard's figures and charts.
 */
class ConsolePagesTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static StandInEscalation escalation;
  private static ApiTestServer api;
  private static ConsoleHttp browser;

  @BeforeAll
  static void start() {
    escalation = new StandInEscalation();
    api = new ApiTestServer(Map.of("vigil.escalation.url", escalation.url()));
    api.bean(TicketLedger.class)
        .apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-9", "payments", NOW)));
    SlaLedger sla = api.bean(SlaLedger.class);
    sla.apply(
        SlaEventMapping.toMeasurement(
                Events.responseTime(
                    "payments",
                    "inc-9",
                    Priority.P1,
                    SlaMetric.TIME_TO_ACKNOWLEDGE,
                    90_000,
                    NOW.minusSeconds(60)))
            .orElseThrow());
    sla.apply(
        SlaEventMapping.toMeasurement(
                Events.breach(
                    "payments",
                    "inc-9",
                    Priority.P1,
                    SlaMetric.TIME_TO_RESOLVE,
                    3_600_000,
                    NOW.minusSeconds(30)))
            .orElseThrow());
    browser = new ConsoleHttp(api.server.getURL().toString());
    browser.signIn(ApiTestServer.ADMIN);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    escalation.close();
  }

  @Test
  void aReviewIsWrittenInTheEditorAndReadByTheApi() {
    String editor = browser.get("/incidents/inc-9/review").body();
    assertThat(editor)
        .contains("<h1>Post-incident review: <span>CPU above 90% on payments</span></h1>")
        .contains("opened &quot;CPU above 90% on payments&quot; as P1 critical, high urgency")
        .contains("name=\"item2.description\"")
        .doesNotContain("name=\"item3.description\"");

    HttpResponse<String> refused =
        browser.post(
            "/incidents/inc-9/review",
            form(
                "_csrf", csrf(editor),
                "summary", "Payments failed for 12 minutes",
                "item0.description", "alert on pool saturation",
                "item0.owner", "",
                "item0.dueDate", "",
                "item0.status", "open"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Not saved: actionItems[0].owner must not be blank: name who does it")
        .contains(">Payments failed for 12 minutes</textarea>")
        .contains("value=\"alert on pool saturation\"");

    HttpResponse<String> saved =
        browser.post(
            "/incidents/inc-9/review",
            form(
                "_csrf", csrf(editor),
                "summary", "Payments failed for 12 minutes",
                "rootCause", "a connection-pool limit lowered in 1.42",
                "item0.description", "alert on pool saturation",
                "item0.owner", "alice",
                "item0.dueDate", "2026-03-20",
                "item0.status", "in_progress",
                "item1.description", "",
                "item1.owner", "",
                "item1.dueDate", "",
                "item1.status", "open"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location")).hasValue("/incidents/inc-9/review?saved=1");
    assertThat(browser.get("/incidents/inc-9/review?saved=1").body())
        .contains("Review saved.")
        .contains("value=\"2026-03-20\"");
    assertThat(api.http.retrieve("/api/v1/incidents/inc-9/review"))
        .contains(
            "\"summary\":\"Payments failed for 12 minutes\",\"impact\":\"\","
                + "\"rootCause\":\"a connection-pool limit lowered in 1.42\","
                + "\"collateralDamage\":\"\",\"actionItems\":[{\"description\":"
                + "\"alert on pool saturation\",\"owner\":\"alice\",\"dueDate\":\"2026-03-20\","
                + "\"status\":\"in_progress\"}]")
        .contains("\"createdBy\":\"bootstrap-admin\"");
    assertThat(
            api.http.retrieve(
                HttpRequest.GET("/api/v1/audit?via=console").bearerAuth(ApiTestServer.ADMIN)))
        .contains("\"via\":\"console\",\"action\":\"review.create\",\"target\":\"inc-9\"");
  }

  @Test
  void servicesShowTheirStateMaskedKeysAndRecentIncidents() {
    assertThat(browser.get("/services").body())
        .contains("<a href=\"/services/payments\">Payments API</a>")
        .contains("major outage");

    String payments = browser.get("/services/payments").body();
    assertThat(payments)
        .contains("<code>****************************1111</code>")
        .doesNotContain("11111111111111111111111111111111")
        .contains("<a href=\"/incidents/inc-9\">CPU above 90% on payments</a>");
    assertThat(browser.get("/services/nope").body())
        .isEqualTo("no service 'nope' in the configuration; see /services");
  }

  @Test
  void onCallShowsWhoHoldsEachScheduleAndTheNextTwoWeeks() {
    escalation.down = false;
    String page = browser.get("/oncall").body();
    assertThat(page)
        .contains("On call now: <strong>alice</strong>")
        .contains("<text y=\"28\" class=\"who\" x=\"6.0\">alice</text>")
        .contains("<text y=\"28\" class=\"who\" x=\"306.0\">bob</text>");

    escalation.down = true;
    assertThat(browser.get("/oncall").body())
        .contains("On call now: <strong>unknown</strong>")
        .contains("answered 500; on-call data comes from it");
    escalation.down = false;
  }

  @Test
  void theSlaDashboardShowsMeansBreachesAndCharts() {
    String page = browser.get("/sla?days=7").body();
    assertThat(page)
        .contains("<option value=\"7\" selected=\"selected\">7 days</option>")
        .contains(
            "<td>1</td><td>1.5 min</td>\n      <td>0</td><td>-</td>\n"
                + "      <td>0</td><td>1</td>")
        .contains("<title>P1 MTTA: 1.5 min</title>")
        .contains("<h2 id=\"sla-payments\">payments</h2>");
  }
}
