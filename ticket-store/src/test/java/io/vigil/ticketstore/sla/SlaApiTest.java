package io.vigil.ticketstore.sla;

import static io.vigil.schemas.SlaMetric.TIME_TO_ACKNOWLEDGE;
import static io.vigil.schemas.SlaMetric.TIME_TO_RESOLVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaWindow;
import io.vigil.schemas.SlaWindowSummarized;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.change.ChangeEventMapping;
import io.vigil.ticketstore.change.ServiceChanges;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA measurements and service changes, each applied twice: the incident shows its response times,
 * its breaches on the timeline and the changes of the 24 hours before detection; the SLA report
 * gives MTTA, MTTR and breach counts per service and priority.
 */
class SlaApiTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private static ApiTestServer api;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(Map.of());
    TicketLedger tickets = api.bean(TicketLedger.class);
    SlaLedger sla = api.bean(SlaLedger.class);
    ServiceChanges changes = api.bean(ServiceChanges.class);
    tickets.apply(IncidentEventMapping.toTicketEvent(Events.opened("inc-1", "payments", T0)));
    for (int round = 0; round < 2; round++) {
      for (var event :
          List.of(
              Events.responseTime(
                  "payments",
                  "inc-1",
                  Priority.P1,
                  TIME_TO_ACKNOWLEDGE,
                  240_000,
                  T0.plusSeconds(240)),
              Events.breach(
                  "payments",
                  "inc-1",
                  Priority.P1,
                  TIME_TO_RESOLVE,
                  3_600_000,
                  T0.plusSeconds(3600)),
              Events.responseTime(
                  "payments",
                  "inc-1",
                  Priority.P1,
                  TIME_TO_RESOLVE,
                  4_000_000,
                  T0.plusSeconds(4000)),
              Events.responseTime(
                  "payments",
                  "inc-2",
                  Priority.P1,
                  TIME_TO_ACKNOWLEDGE,
                  60_000,
                  T0.plusSeconds(60)),
              Events.breach(
                  "payments",
                  "inc-3",
                  Priority.P2,
                  TIME_TO_ACKNOWLEDGE,
                  900_000,
                  T0.plusSeconds(900)),
              Events.responseTime(
                  "search",
                  "inc-4",
                  Priority.P3,
                  TIME_TO_ACKNOWLEDGE,
                  30_000,
                  T0.plusSeconds(30)))) {
        sla.apply(SlaEventMapping.toMeasurement(event).orElseThrow());
      }
      changes.apply(
          ChangeEventMapping.toChange(
              Events.change(
                  "deploy-142", "payments", "deploy 1.42", T0.minus(Duration.ofMinutes(20)))));
      changes.apply(
          ChangeEventMapping.toChange(
              Events.change(
                  "deploy-141", "payments", "deploy 1.41", T0.minus(Duration.ofHours(30)))));
      changes.apply(
          ChangeEventMapping.toChange(
              Events.change(
                  "deploy-s", "search", "search deploy", T0.minus(Duration.ofMinutes(5)))));
      changes.apply(
          ChangeEventMapping.toChange(
              Events.change("deploy-143", "payments", "deploy 1.43", T0.plusSeconds(60))));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void theIncidentShowsItsResponseTimesBreachesAndTheChangesBeforeIt() {
    String body = get("/api/v1/incidents/inc-1").body();

    assertThat(body)
        .contains(
            "{\"at\":\"2026-03-02T11:00:00Z\",\"kind\":\"SLA_BREACHED\",\"actor\":\"escalation\","
                + "\"summary\":\"P1 target to resolve (1h) breached\"}")
        .contains(
            "\"sla\":{\"timeToAcknowledgeMillis\":240000,\"timeToResolveMillis\":4000000,"
                + "\"breaches\":[{\"metric\":\"TIME_TO_RESOLVE\",\"targetMillis\":3600000,"
                + "\"at\":\"2026-03-02T11:00:00Z\"}]}")
        .endsWith(
            "\"recentChanges\":[{\"eventId\":\"deploy-142\",\"serviceId\":\"payments\","
                + "\"summary\":\"deploy 1.42\",\"source\":\"ci\","
                + "\"links\":[\"https://ci.example.com/deploy-142\"],"
                + "\"at\":\"2026-03-02T09:40:00Z\"}]}");
  }

  @Test
  void theReportGivesMeansAndBreachesPerServiceAndPriority() {
    String body =
        get("/api/v1/reports/sla?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z").body();

    assertThat(body)
        .isEqualTo(
            "{\"from\":\"2026-03-02T00:00:00Z\",\"to\":\"2026-03-03T00:00:00Z\",\"service\":null,"
                + "\"rows\":["
                + "{\"serviceId\":\"payments\",\"priority\":\"P1\",\"acknowledged\":2,"
                + "\"mttaMillis\":150000,\"resolved\":1,\"mttrMillis\":4000000,"
                + "\"acknowledgeBreaches\":0,\"resolveBreaches\":1},"
                + "{\"serviceId\":\"payments\",\"priority\":\"P2\",\"acknowledged\":0,"
                + "\"mttaMillis\":null,\"resolved\":0,\"mttrMillis\":null,"
                + "\"acknowledgeBreaches\":1,\"resolveBreaches\":0},"
                + "{\"serviceId\":\"search\",\"priority\":\"P3\",\"acknowledged\":1,"
                + "\"mttaMillis\":30000,\"resolved\":0,\"mttrMillis\":null,"
                + "\"acknowledgeBreaches\":0,\"resolveBreaches\":0}]}");
  }

  @Test
  void theReportFiltersByServiceAndRange() {
    assertThat(
            get("/api/v1/reports/sla?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z&service=search")
                .body())
        .contains("\"service\":\"search\",\"rows\":[{\"serviceId\":\"search\"")
        .doesNotContain("payments");
    assertThat(get("/api/v1/reports/sla?from=2026-03-02T10:10:00Z&to=2026-03-02T10:20:00Z").body())
        .endsWith(
            "\"rows\":[{\"serviceId\":\"payments\",\"priority\":\"P2\",\"acknowledged\":0,"
                + "\"mttaMillis\":null,\"resolved\":0,\"mttrMillis\":null,"
                + "\"acknowledgeBreaches\":1,\"resolveBreaches\":0}]}");
  }

  @Test
  void badRangesAre400WithTheReason() {
    assertError(
        get("/api/v1/reports/sla?from=yesterday"),
        "from must be an ISO-8601 UTC time like 2026-03-01T00:00:00Z, got 'yesterday'");
    assertError(
        get("/api/v1/reports/sla?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z"),
        "from must be before to, got from 2026-03-03T00:00:00Z and to 2026-03-02T00:00:00Z");
    assertError(
        get("/api/v1/reports/sla?from=2024-01-01T00:00:00Z&to=2026-03-02T00:00:00Z"),
        "the range must be at most 366 days; ask for a shorter one");
  }

  @Test
  void aWindowSummaryIsNotAMeasurement() {
    SlaEvent summary =
        SlaEvent.newBuilder()
            .setEventId("sla-window-1")
            .setServiceId("payments")
            .setOccurredAt(T0)
            .setEvent(
                SlaWindowSummarized.newBuilder()
                    .setPriority(Priority.P1)
                    .setWindow(SlaWindow.HOUR)
                    .setWindowStart(T0)
                    .setWindowEnd(T0.plus(Duration.ofHours(1)))
                    .setAcknowledged(2)
                    .setMttaMillis(90_000L)
                    .build())
            .build();

    assertThat(SlaEventMapping.toMeasurement(summary)).isEmpty();
  }

  @Test
  void anUnknownSlaShapeIsRejected() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> SlaEventMapping.toMeasurement(null)))
        .hasMessage("SLA record has no value");
  }

  private static Answer get(String uri) {
    return api.send(HttpRequest.GET(uri));
  }

  private static void assertError(Answer answer, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }
}
