package io.vigil.ticketstore.bench;

import io.micronaut.http.HttpRequest;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures how fast the ledger applies incident events — a poll of {@code batch} events per
 * transaction, as the batch listeners do (500, Kafka's default {@code max.poll.records}; 1 is one
 * transaction per event, as before) — and the latency of the incident list over HTTP with {@code N}
 * tickets; not a test, run by hand (see docs/benchmarks.md for the command).
 */
public final class TicketStoreBenchmark {

  private TicketStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    try (ApiTestServer api = new ApiTestServer(Map.of())) {
      TicketLedger ledger = api.bean(TicketLedger.class);
      Priority[] priorities = Priority.values();
      String[] services = {"payments", "search", "checkout", "billing", "docs"};
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      List<TicketEvent> events = new ArrayList<>(tickets);
      for (int i = 0; i < tickets; i++) {
        events.add(
            IncidentEventMapping.toTicketEvent(
                Events.openedAs(
                    "inc-" + i,
                    services[i % services.length],
                    "Latency high on node " + i,
                    priorities[i % priorities.length],
                    IncidentClass.MAJOR,
                    t0.plusSeconds(30L * i))));
      }
      long start = System.nanoTime();
      applyInPolls(ledger, events, batch);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "database %s: applied %d events, %d per transaction, in %.1f s = %.0f events/s%n",
          api.database.kind(), tickets, batch, seconds, tickets / seconds);
      long replayStart = System.nanoTime();
      applyInPolls(ledger, events.subList(0, Math.min(tickets, 20_000)), batch);
      double replay = (System.nanoTime() - replayStart) / 1e9;
      System.out.printf(
          "replayed (duplicates) %d events = %.0f events/s%n",
          Math.min(tickets, 20_000), Math.min(tickets, 20_000) / replay);

      if (api.database.kind().startsWith("postgresql")) {
        // What autovacuum would do on its own soon after a bulk load.
        try (var c = api.bean(javax.sql.DataSource.class).getConnection();
            var st = c.createStatement()) {
          st.execute("ANALYZE tickets");
        }
      }
      String deepCursor = null;
      for (int page = 0; page < 100; page++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body =
            api.http.retrieve(
                HttpRequest.GET(
                    "/api/v1/incidents?limit=500"
                        + (deepCursor == null ? "" : "&cursor=" + deepCursor)),
                Map.class);
        deepCursor = (String) body.get("nextCursor");
      }
      for (String uri :
          List.of(
              "/api/v1/incidents",
              "/api/v1/incidents?service=payments&status=triggered",
              "/api/v1/incidents?priority=P1&sort=priority",
              "/api/v1/incidents?from=2026-01-10T00:00:00Z&to=2026-01-20T00:00:00Z",
              "/api/v1/incidents?cursor=" + deepCursor,
              "/api/v1/incidents?q=node%2012345",
              "/api/v1/incidents?limit=500")) {
        for (int i = 0; i < 50; i++) {
          api.http.retrieve(uri);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
          long s = System.nanoTime();
          api.http.retrieve(uri);
          nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf(
            "%-70s p50 %6.2f ms  p99 %6.2f ms%n",
            uri.length() > 70 ? uri.substring(0, 67) + "..." : uri,
            nanos[requests / 2] / 1e6,
            nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6);
      }
    }
  }

  private static void applyInPolls(TicketLedger ledger, List<TicketEvent> events, int batch) {
    for (int from = 0; from < events.size(); from += batch) {
      ledger.applyAll(events.subList(from, Math.min(events.size(), from + batch)));
    }
  }
}
