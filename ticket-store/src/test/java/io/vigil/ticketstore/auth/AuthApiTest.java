package io.vigil.ticketstore.auth;

import static io.vigil.ticketstore.ApiTestServer.ADMIN;
import static io.vigil.ticketstore.ApiTestServer.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.vigil.ticketstore.ApiTestServer;
import io.vigil.ticketstore.ApiTestServer.Answer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API tokens with anonymous reads switched off: every route needs a known token of a strong enough
 * role, tokens are stored only as their SHA-256, and only admins manage them.
 */
class AuthApiTest {

  private static ApiTestServer api;

  @BeforeAll
  static void start() {
    api = new ApiTestServer(Map.of("vigil.api.allow-anonymous-read", false));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void readsNeedATokenWhenAnonymousReadsAreOff() {
    assertError(
        send(HttpRequest.GET("/api/v1/incidents"), null),
        401,
        "missing API token: send 'Authorization: Bearer <token>' with a viewer token");
    assertError(
        send(HttpRequest.GET("/api/v1/incidents").header("Authorization", "Basic YTpi"), null),
        401,
        "the Authorization header must be 'Bearer <token>'; other schemes are not accepted");
    assertError(
        send(HttpRequest.GET("/api/v1/incidents"), "wrong"),
        401,
        "unknown API token: check it, or ask an admin for a new one (POST /api/v1/tokens)");
    String viewer = create("grafana", "viewer");
    assertThat(send(HttpRequest.GET("/api/v1/incidents"), viewer).status()).isEqualTo(200);
    assertThat(send(HttpRequest.GET("/status.json"), null).status()).isEqualTo(200);
    assertThat(send(HttpRequest.GET("/health"), null).status()).isEqualTo(200);
  }

  @Test
  void onlyAdminsManageTokensAndReadTheAudit() {
    String responder = create("pager-bot", "responder");
    assertError(
        send(HttpRequest.GET("/api/v1/tokens"), responder),
        403,
        "token 'pager-bot' has role responder; GET /api/v1/tokens needs admin");
    assertError(
        send(HttpRequest.GET("/api/v1/audit"), responder),
        403,
        "token 'pager-bot' has role responder; GET /api/v1/audit needs admin");
    assertThat(send(HttpRequest.GET("/api/v1/tokens"), ADMIN).body())
        .contains("{\"name\":\"pager-bot\",\"role\":\"responder\",\"createdAt\":")
        .doesNotContain(responder);

    assertThat(send(HttpRequest.DELETE("/api/v1/tokens/pager-bot"), ADMIN).status()).isEqualTo(204);
    assertError(
        send(HttpRequest.GET("/api/v1/incidents"), responder),
        401,
        "unknown API token: check it, or ask an admin for a new one (POST /api/v1/tokens)");
    assertError(
        send(HttpRequest.DELETE("/api/v1/tokens/pager-bot"), ADMIN),
        404,
        "no API token named 'pager-bot'");
    assertThat(send(HttpRequest.GET("/api/v1/audit"), ADMIN).body())
        .contains(
            "\"actor\":\"bootstrap-admin\",\"via\":\"api\",\"action\":\"token.create\","
                + "\"target\":\"pager-bot\",\"details\":{\"role\":\"responder\"}}")
        .contains("\"action\":\"token.revoke\",\"target\":\"pager-bot\",\"details\":{}}");
  }

  @Test
  void badTokenRequestsAre400() {
    assertError(
        send(HttpRequest.POST("/api/v1/tokens", "{\"name\":\"x\",\"role\":\"root\"}"), ADMIN),
        400,
        "role must be one of viewer, responder, admin, got 'root'");
    assertError(
        send(HttpRequest.POST("/api/v1/tokens", "{\"name\":\" \",\"role\":\"viewer\"}"), ADMIN),
        400,
        "name must not be blank: say whose token this is");
    create("twice", "viewer");
    assertError(
        send(HttpRequest.POST("/api/v1/tokens", "{\"name\":\"twice\",\"role\":\"viewer\"}"), ADMIN),
        400,
        "a token named 'twice' exists already; choose another name");
  }

  @Test
  void tokensAreStoredOnlyAsTheirSha256() throws Exception {
    String token = create("hashed", "viewer");
    try (Connection c = api.bean(DataSource.class).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT token_hash FROM api_tokens WHERE name = 'hashed'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(ApiTokens.hash(token)).hasSize(64).isNotEqualTo(token);
    }
    // The SHA-256 of "abc" (FIPS 180-2 test vector).
    assertThat(ApiTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void everyRouteIsInTheOpenApiDescriptionWithTheBearerScheme() {
    String yaml = send(HttpRequest.GET("/swagger/vigil-ticket-store-v1.yml"), null).body();

    for (String path :
        new String[] {
          "/api/v1/incidents:",
          "/api/v1/incidents/{id}:",
          "/api/v1/incidents/{id}/acknowledge:",
          "/api/v1/incidents/{id}/resolve:",
          "/api/v1/incidents/{id}/reassign:",
          "/api/v1/incidents/{id}/escalate:",
          "/api/v1/incidents/{id}/snooze:",
          "/api/v1/incidents/{id}/notes:",
          "/api/v1/incidents/{id}/responders:",
          "/api/v1/incidents/{id}/merge:",
          "/api/v1/incidents/{id}/review:",
          "/api/v1/incidents/{id}/review/markdown:",
          "/api/v1/commands/{id}:",
          "/api/v1/reports/sla:",
          "/api/v1/tokens:",
          "/api/v1/tokens/{name}:",
          "/api/v1/audit:",
          "/api/v1/users:",
          "/api/v1/users/{id}:",
          "/api/v1/services:",
          "/api/v1/services/{id}:",
          "/api/v1/oncall:",
          "/api/v1/schedules/{id}/shifts:",
          "/api/v1/incidents/{id}/status-updates:",
          "/a/{token}:",
          "/status.json:"
        }) {
      assertThat(yaml).contains("\n  " + path + "\n");
    }
    assertThat(yaml).contains("scheme: bearer");
  }

  private static String create(String name, String role) {
    Answer answer =
        send(
            HttpRequest.POST(
                "/api/v1/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"),
            ADMIN);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"token\":\"(vgl_[A-Za-z0-9_-]{32})\"").matcher(answer.body());
    assertThat(m.find()).as(answer.body()).isTrue();
    return m.group(1);
  }

  private static Answer send(MutableHttpRequest<?> request, String token) {
    return api.send(as(token, request.contentType("application/json")));
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }
}
