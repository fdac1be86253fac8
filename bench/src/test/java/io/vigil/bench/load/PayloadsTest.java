package io.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final Alert alert =
      new Alert(
          "load-1",
          "load-1-fp-3",
          "Bench load on \"load-1-fp-3\"",
          Map.of("alertname", "BenchLoad", "severity", "critical", "instance", "load-1-fp-3"),
          -1,
          T0);

  @Test
  void alertmanagerWebhookIsVersion4WithEveryAlertFiring() throws Exception {
    JsonNode body = JSON.readTree(Payloads.alertmanagerWebhook(List.of(alert, alert)));

    assertThat(body.get("version").asText()).isEqualTo("4");
    assertThat(body.get("status").asText()).isEqualTo("firing");
    assertThat(body.get("alerts")).hasSize(2);
    JsonNode first = body.get("alerts").get(0);
    assertThat(first.get("status").asText()).isEqualTo("firing");
    assertThat(first.get("fingerprint").asText()).isEqualTo("load-1-fp-3");
    assertThat(first.get("startsAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(first.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(first.at("/labels/severity").asText()).isEqualTo("critical");
    assertThat(first.at("/annotations/summary").asText())
        .isEqualTo("Bench load on \"load-1-fp-3\"");
  }

  @Test
  void eventsV2IsOneTriggerWithTheFingerprintAsDedupKey() throws Exception {
    JsonNode body = JSON.readTree(Payloads.eventsV2(alert, "be4c0001"));

    assertThat(body.get("routing_key").asText()).isEqualTo("be4c0001");
    assertThat(body.get("event_action").asText()).isEqualTo("trigger");
    assertThat(body.get("dedup_key").asText()).isEqualTo("load-1-fp-3");
    assertThat(body.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(body.at("/payload/source").asText()).isEqualTo("load-1-fp-3");
    assertThat(body.at("/payload/timestamp").asText()).isEqualTo("2026-11-22T10:00:00Z");
  }

  @Test
  void alertmanagerApiCarriesTheFingerprintAsALabelSoIdentityMatchesVigils() throws Exception {
    JsonNode body = JSON.readTree(Payloads.alertmanagerApi(List.of(alert)));

    assertThat(body.isArray()).isTrue();
    assertThat(body.get(0).at("/labels/fingerprint").asText()).isEqualTo("load-1-fp-3");
    assertThat(body.get(0).at("/labels/alertname").asText()).isEqualTo("BenchLoad");
    assertThat(body.get(0).get("startsAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(body.get(0).has("endsAt")).isFalse();
  }
}
