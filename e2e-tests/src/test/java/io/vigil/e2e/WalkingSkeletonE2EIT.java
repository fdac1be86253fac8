package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.WithKafkaStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One alert, end to end: posted to alert-ingest as a PagerDuty Events API v2 trigger, it becomes an
 * incident, a page at the on-call person's webhook, and a ticket whose timeline reads opened →
 * paged → delivered; the same dedup key again only adds to the count.
 */
@WithKafkaStack
class WalkingSkeletonE2EIT {

  private static final String PAYMENTS_KEY = "11111111111111111111111111111111";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path workDir;
  private static WebhookRecorder phones;
  private static VigilServices vigil;

  @BeforeAll
  static void startVigil(KafkaStack kafka) throws IOException {
    phones = new WebhookRecorder();
    // The local stack's example configuration, with pages sent to this test's recorder.
    Path example = Path.of(System.getProperty("vigil.repo.root"), "deploy/local/vigil.yaml");
    Path config = workDir.resolve("vigil.yaml");
    Files.writeString(
        config, Files.readString(example).replace("http://127.0.0.1:9999", phones.baseUrl()));
    vigil = VigilServices.start(kafka, config, workDir);
  }

  @AfterAll
  static void stopVigil() {
    if (vigil != null) {
      vigil.close();
    }
    if (phones != null) {
      phones.close();
    }
  }

  @Test
  void anAlertBecomesAPageAndATicketAndItsRepeatOnlyCounts() throws Exception {
    String dedupKey = "disk-full-" + UUID.randomUUID();

    HttpResponse<String> accepted = enqueue(dedupKey, "Disk 95% full on db-1");

    assertThat(accepted.statusCode()).isEqualTo(202);
    JsonNode ack = JSON.readTree(accepted.body());
    assertThat(ack.path("status").asText()).isEqualTo("success");
    assertThat(ack.path("dedup_key").asText()).isEqualTo(dedupKey);

    // The on-call person's webhook gets the page, naming the incident and its summary.
    WebhookRecorder.Page page =
        await("the page at the on-call person's webhook")
            .atMost(Duration.ofSeconds(60))
            .until(() -> pagesFor("Disk 95% full on db-1"), pages -> pages.size() == 1)
            .get(0);
    JsonNode paged = JSON.readTree(page.body());
    String incidentId = paged.path("incident_id").asText();
    assertThat(incidentId).isNotBlank();
    assertThat(paged.path("service_id").asText()).isEqualTo("payments");
    assertThat(paged.path("priority").asText()).isEqualTo("P1");
    assertThat(page.header("Vigil-Delivery-Id")).isNotBlank();

    // The ticket's timeline reads opened → paged → delivered.
    JsonNode ticket =
        awaitTicket(incidentId, t -> kinds(t).containsAll(List.of("OPENED", "PAGED", "DELIVERED")));
    assertThat(kinds(ticket)).containsSubsequence("OPENED", "PAGED", "DELIVERED");
    assertThat(ticket.path("title").asText()).isEqualTo("Disk 95% full on db-1");
    assertThat(ticket.path("status").asText()).isEqualTo("TRIGGERED");
    assertThat(ticket.path("alertCount").asLong()).isEqualTo(1);

    // The same dedup key again joins the incident: the count goes up, nobody is paged again.
    assertThat(enqueue(dedupKey, "Disk 96% full on db-1").statusCode()).isEqualTo(202);
    JsonNode grouped = awaitTicket(incidentId, t -> t.path("alertCount").asLong() == 2);
    assertThat(kinds(grouped)).contains("ALERT_GROUPED");
    await("no second page for the repeated alert")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> phones.pages().size() == 1);
    assertThat(incidentsWithDedupKey(dedupKey)).isEqualTo(1);
  }

  @Test
  void aServiceAddedThroughTheConfigurationApiPagesItsOwnOnCallWithoutARestart() throws Exception {
    String ledgerKey = "1ed9e71ed9e71ed9e71ed9e71ed9e7aa";
    HttpResponse<String> current =
        admin(HttpRequest.newBuilder(vigil.url("ticket-store", "/api/v1/config")).GET());
    assertThat(current.statusCode()).isEqualTo(200);
    // A new person with her own webhook, a policy paging her, and a service with its own key:
    // every service has to follow the change for her page to arrive.
    // Top-level lists only: "users:" also appears inside schedule layers.
    String changed =
        ("\n" + current.body())
            .replace(
                "\nusers:\n",
                "\nusers:\n- id: erin\n  name: Erin New\n  contactMethods:\n"
                    + "  - id: erin-hook\n    type: webhook\n    url: "
                    + phones.baseUrl()
                    + "/erin\n  notificationRules:\n    high:\n"
                    + "    - contactMethod: erin-hook\n      after: 0s\n")
            .replace(
                "\nescalationPolicies:\n",
                "\nescalationPolicies:\n- id: ledger\n  levels:\n"
                    + "  - targets:\n    - user: erin\n")
            .replace(
                "\nservices:\n",
                "\nservices:\n- id: ledger\n  name: Ledger\n  tier: 1\n"
                    + "  escalationPolicy: ledger\n  integrations:\n"
                    + "  - type: events-v2\n    key: "
                    + ledgerKey
                    + "\n");
    assertThat(changed).contains("id: erin", "id: ledger");

    HttpResponse<String> applied =
        admin(
            HttpRequest.newBuilder(vigil.url("ticket-store", "/api/v1/config"))
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(changed)));

    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("\"SERVICE/ledger\"", "\"USER/erin\"");
    // The other services follow within a poll; until then the key is unknown to alert-ingest.
    await("alert-ingest knows the new key")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                enqueue(ledgerKey, "ledger-probe-" + UUID.randomUUID(), "Ledger lag probe")
                        .statusCode()
                    == 202);
    WebhookRecorder.Page page =
        await("Erin's page")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> phones.pages().stream().filter(p -> p.path().equals("/erin")).toList(),
                pages -> !pages.isEmpty())
            .get(0);
    JsonNode paged = JSON.readTree(page.body());
    assertThat(paged.path("service_id").asText()).isEqualTo("ledger");
  }

  @Test
  void whoIsOnCallIsAnsweredByTheTicketStoreFromTheEscalationService() throws Exception {
    // payments-primary: weekly shifts alice, bob handing over Mondays 09:00 Asia/Jakarta.
    String firstWeek = "/api/v1/oncall?schedule=payments-primary&at=2026-01-05T03:00:00Z";
    String secondWeek = "/api/v1/oncall?schedule=payments-primary&at=2026-01-12T03:00:00Z";

    JsonNode alice = JSON.readTree(admin(get("ticket-store", firstWeek)).body());
    JsonNode bob = JSON.readTree(admin(get("ticket-store", secondWeek)).body());
    HttpResponse<String> unknown =
        admin(get("ticket-store", "/api/v1/oncall?schedule=nobody&at=2026-01-05T03:00:00Z"));

    assertThat(alice.path("user").asText()).isEqualTo("alice");
    assertThat(bob.path("user").asText()).isEqualTo("bob");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("nobody");
  }

  private static HttpRequest.Builder get(String module, String path) {
    return HttpRequest.newBuilder(vigil.url(module, path)).GET();
  }

  private static HttpResponse<String> admin(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.header("Authorization", "Bearer " + VigilServices.ADMIN_TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> enqueue(String dedupKey, String summary) throws Exception {
    return enqueue(PAYMENTS_KEY, dedupKey, summary);
  }

  private static HttpResponse<String> enqueue(String key, String dedupKey, String summary)
      throws Exception {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("routing_key", key)
                .put("event_action", "trigger")
                .put("dedup_key", dedupKey)
                .set(
                    "payload",
                    JSON.createObjectNode()
                        .put("summary", summary)
                        .put("source", "db-1.payments")
                        .put("severity", "critical")));
    return HTTP.send(
        HttpRequest.newBuilder(vigil.url("alert-ingest", "/v2/enqueue"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<WebhookRecorder.Page> pagesFor(String summary) {
    return phones.pages().stream().filter(p -> p.body().contains(summary)).toList();
  }

  private static JsonNode awaitTicket(
      String incidentId, java.util.function.Predicate<JsonNode> ok) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await("ticket " + incidentId + " (last seen: " + last + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> r = get("/api/v1/incidents/" + incidentId);
              if (r.statusCode() != 200) {
                return false;
              }
              last.set(JSON.readTree(r.body()));
              return ok.test(last.get());
            });
    return last.get();
  }

  private static long incidentsWithDedupKey(String dedupKey) throws Exception {
    JsonNode list = JSON.readTree(get("/api/v1/incidents?service=payments&limit=500").body());
    List<String> ids = new ArrayList<>();
    for (JsonNode incident : list.path("incidents")) {
      JsonNode detail =
          JSON.readTree(get("/api/v1/incidents/" + incident.path("id").asText()).body());
      if (dedupKey.equals(detail.path("dedupKey").asText())) {
        ids.add(incident.path("id").asText());
      }
    }
    return ids.size();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = vigil.url("ticket-store", path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> kinds(JsonNode ticket) {
    List<String> kinds = new ArrayList<>();
    ticket.path("timeline").forEach(e -> kinds.add(e.path("kind").asText()));
    return kinds;
  }
}
