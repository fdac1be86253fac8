package io.vigil.ticketstore.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incident list's filters (priority, detection range, text), its three sorts and cursor
 * pagination over HTTP, and the reasons given for bad values.
 */
class IncidentListApiTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private static ApiTestServer api;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(Map.of());
    TicketLedger ledger = api.bean(TicketLedger.class);
    Priority[] priorities = {Priority.P3, Priority.P1, Priority.P2, Priority.P1, Priority.P4};
    for (int i = 0; i < 5; i++) {
      ledger.apply(
          IncidentEventMapping.toTicketEvent(
              Events.openedAs(
                  "inc-" + i,
                  i % 2 == 0 ? "payments" : "search",
                  i == 3 ? "Disk 100%_full on db-1" : "Latency high " + i,
                  priorities[i],
                  IncidentClass.MAJOR,
                  T0.plusSeconds(60L * i))));
    }
    // Two incidents detected in the same second: the id breaks the tie.
    ledger.apply(
        IncidentEventMapping.toTicketEvent(
            Events.openedAs(
                "inc-5", "payments", "Latency high 5", Priority.P2, IncidentClass.MAJOR, T0)));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void filtersByPriorityRangeAndText() {
    assertThat(ids("/api/v1/incidents?priority=p1")).containsExactly("inc-3", "inc-1");
    assertThat(ids("/api/v1/incidents?from=2026-03-02T10:01:00Z&to=2026-03-02T10:03:00Z"))
        .containsExactly("inc-2", "inc-1");
    assertThat(ids("/api/v1/incidents?q=disk%20100%25_FULL")).containsExactly("inc-3");
    assertThat(ids("/api/v1/incidents?q=100%25x")).isEmpty();
    assertThat(ids("/api/v1/incidents?q=inc-4")).containsExactly("inc-4");
    assertThat(ids("/api/v1/incidents?q=latency&service=payments&priority=P2"))
        .containsExactly("inc-2", "inc-5");
  }

  @Test
  void sortsNewestOldestAndByPriority() {
    assertThat(ids("/api/v1/incidents"))
        .containsExactly("inc-4", "inc-3", "inc-2", "inc-1", "inc-5", "inc-0");
    assertThat(ids("/api/v1/incidents?sort=oldest"))
        .containsExactly("inc-0", "inc-5", "inc-1", "inc-2", "inc-3", "inc-4");
    assertThat(ids("/api/v1/incidents?sort=priority"))
        .containsExactly("inc-3", "inc-1", "inc-2", "inc-5", "inc-0", "inc-4");
  }

  @Test
  void cursorsWalkEverySortWithoutGapsOrRepeats() {
    for (String sort : List.of("newest", "oldest", "priority")) {
      List<String> all = ids("/api/v1/incidents?sort=" + sort);
      List<String> walked = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        Map<String, Object> page =
            page(
                "/api/v1/incidents?limit=4&sort="
                    + sort
                    + (cursor == null ? "" : "&cursor=" + cursor));
        walked.addAll(ids(page));
        cursor = (String) page.get("nextCursor");
        pages++;
      } while (cursor != null);
      assertThat(walked).as(sort).isEqualTo(all);
      assertThat(pages).isEqualTo(2);
    }
  }

  @Test
  void badValuesAre400WithTheReason() {
    String newestCursor = (String) page("/api/v1/incidents?limit=1").get("nextCursor");
    assertError(
        "/api/v1/incidents?priority=P9", "priority must be one of P1, P2, P3, P4, P5, got 'P9'");
    assertError(
        "/api/v1/incidents?from=today",
        "from must be an ISO-8601 UTC time like 2026-03-01T00:00:00Z, got 'today'");
    assertError(
        "/api/v1/incidents?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z",
        "from must be before to, got from 2026-03-03T00:00:00Z and to 2026-03-02T00:00:00Z");
    assertError(
        "/api/v1/incidents?sort=loudest",
        "sort must be one of newest, oldest, priority, got 'loudest'");
    assertError(
        "/api/v1/incidents?cursor=abc",
        "cursor is not one this API gave out; pass nextCursor from the previous page as is");
    assertError(
        "/api/v1/incidents?sort=oldest&cursor=" + newestCursor,
        "cursor was made for sort=newest; ask for the next page with the same sort");
    assertError(
        "/api/v1/incidents?q=" + "x".repeat(201), "q must be at most 200 characters, got 201");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> page(String uri) {
    return api.http.retrieve(HttpRequest.GET(uri), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("incidents"))
        .stream().map(i -> (String) i.get("id")).toList();
  }

  private static List<String> ids(String uri) {
    return ids(page(uri));
  }

  private static void assertError(String uri, String message) {
    Answer answer = api.send(HttpRequest.GET(uri));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }
}
