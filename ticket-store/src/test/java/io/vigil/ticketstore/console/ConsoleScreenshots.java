package io.vigil.ticketstore.console;

import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.schemas.SlaMetric;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.sla.SlaEventMapping;
import io.vigil.ticketstore.sla.SlaLedger;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Takes the README's screenshots of the pages the browser test does not (on call, a service, the
 * SLA dashboard) against an in-process ticket store with made-up history. Run it by hand from the
 * module directory with the test class path; its one argument is the folder for the PNGs.
 */
public final class ConsoleScreenshots {

  private ConsoleScreenshots() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../docs/screenshots");
    try (StandInEscalation escalation = new StandInEscalation();
        ApiTestServer api = new ApiTestServer(Map.of("vigil.escalation.url", escalation.url()))) {
      history(api);
      try (Browser browser = new Browser(api.server.getURL().toString(), 1280, 900)) {
        browser.signIn(ApiTestServer.ADMIN);
        for (String[] page :
            new String[][] {
              {"/oncall", "console-oncall.png"},
              {"/services/payments", "console-service.png"},
              {"/sla?days=90", "console-sla.png"}
            }) {
          browser.open(page[0]);
          browser.screenshot(dir.resolve(page[1]));
        }
      }
    }
  }

  /** Eight weeks of incidents and response times on two services. */
  private static void history(ApiTestServer api) {
    TicketLedger tickets = api.bean(TicketLedger.class);
    SlaLedger sla = api.bean(SlaLedger.class);
    Instant now = Instant.now();
    String[] services = {"payments", "checkout"};
    Priority[] priorities = {Priority.P1, Priority.P2, Priority.P3};
    for (int week = 0; week < 8; week++) {
      for (int s = 0; s < services.length; s++) {
        for (int p = 0; p < priorities.length; p++) {
          Instant at = now.minus(Duration.ofDays(7L * week + p + 1));
          String id = "inc-" + services[s] + "-" + week + "-" + p;
          tickets.apply(
              IncidentEventMapping.toTicketEvent(
                  Events.openedAs(
                      id,
                      services[s],
                      (p == 0 ? "Error rate above 5% on " : "Latency above 800 ms on ")
                          + services[s],
                      priorities[p],
                      p == 0 ? IncidentClass.CRITICAL : IncidentClass.MAJOR,
                      at)));
          long ack = 60_000L * (2 + p * 3 + (week * 7 + s * 3) % 5);
          long resolve = ack * (6 + (week + p) % 4);
          if (week > 0) {
            tickets.apply(
                IncidentEventMapping.toTicketEvent(
                    Events.resolved(id, "alice", at.plusMillis(resolve))));
          }
          measure(sla, services[s], id, priorities[p], SlaMetric.TIME_TO_ACKNOWLEDGE, ack, at);
          measure(sla, services[s], id, priorities[p], SlaMetric.TIME_TO_RESOLVE, resolve, at);
          if ((week + p + s) % 5 == 0) {
            sla.apply(
                SlaEventMapping.toMeasurement(
                        Events.breach(
                            services[s],
                            id,
                            priorities[p],
                            SlaMetric.TIME_TO_RESOLVE,
                            3_600_000,
                            at.plusMillis(resolve)))
                    .orElseThrow());
          }
        }
      }
    }
  }

  private static void measure(
      SlaLedger sla,
      String service,
      String incident,
      Priority priority,
      SlaMetric metric,
      long millis,
      Instant at) {
    sla.apply(
        SlaEventMapping.toMeasurement(
                Events.responseTime(
                    service, incident, priority, metric, millis, at.plusMillis(millis)))
            .orElseThrow());
  }
}
