package io.vigil.ticketstore.auth;

import static io.vigil.ticketstore.ApiTestServer.ADMIN;
import static io.vigil.ticketstore.ApiTestServer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.feed.IncidentEventMapping;
import io.vigil.ticketstore.ticket.TicketLedger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log says how each action came in — {@code api}, {@code link} or {@code console} — from
 * the caller's credential, can be read by channel, and the database admits no other channel.
 */
class AuditApiTest {

  private static ApiTestServer api;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(Map.of());
    api.bean(TicketLedger.class)
        .apply(
            IncidentEventMapping.toTicketEvent(
                Events.opened("inc-2", "payments", Instant.parse("2026-03-02T10:15:30Z"))));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void theAuditSaysHowEachActionCameInAndCanBeReadByChannel() {
    Answer escalated =
        api.send(
            as(
                ADMIN,
                HttpRequest.POST("/api/v1/incidents/inc-2/escalate", "{}")
                    .contentType("application/json")));
    Matcher m = Pattern.compile("\"commandId\":\"([0-9a-f-]{36})\"").matcher(escalated.body());
    assertThat(m.find()).as(escalated.body()).isTrue();
    // What the web console's sign-in will hand the controllers.
    api.bean(AuditLog.class)
        .record(Caller.console("carol", Role.RESPONDER), "incident.acknowledge", "inc-2", Map.of());

    assertThat(get("/api/v1/audit?limit=500&via=console").body())
        .matches(
            "\\{\"entries\":\\[\\{\"seq\":\\d+,\"at\":\"[^\"]+\",\"actor\":\"carol\","
                + "\"via\":\"console\",\"action\":\"incident.acknowledge\",\"target\":\"inc-2\","
                + "\"details\":\\{}}],\"nextAfter\":null}");
    assertThat(get("/api/v1/audit?limit=500&via=api").body())
        .contains(
            "\"actor\":\"bootstrap-admin\",\"via\":\"api\",\"action\":\"incident.escalate\","
                + "\"target\":\"inc-2\",\"details\":{\"commandId\":\""
                + m.group(1)
                + "\"}}")
        .doesNotContain("\"via\":\"console\"");
    Answer bad = get("/api/v1/audit?via=email");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .isEqualTo("{\"message\":\"via must be one of api, link, console, got 'email'\"}");
  }

  @Test
  void theDatabaseAdmitsOnlyTheThreeChannels() throws Exception {
    try (Connection c = api.bean(DataSource.class).getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO audit_log (at, actor, via, action, target, details) VALUES"
                          + " (CURRENT_TIMESTAMP, 'x', 'email', 'incident.acknowledge', 'inc-2',"
                          + " '{}')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_log_via_known");
    }
  }

  private static Answer get(String uri) {
    return api.send(as(ADMIN, HttpRequest.GET(uri)));
  }
}
