package io.vigil.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One test per kind of bad input: each is refused with a line naming the field and the limit. */
class WebhookParserTest {

  private final WebhookParser parser = new WebhookParser(WebhookFormat.ALERTMANAGER);

  private List<String> errorsOf(String body) {
    return errorsOf(body.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> errorsOf(byte[] body) {
    WebhookParser.Parsed parsed = parser.parse(body);
    assertThat(parsed.batch()).isNull();
    return parsed.errors();
  }

  private static String alertWith(String labelsJson) {
    return """
        {"version": "4", "alerts": [{"status": "firing", "labels": %s}]}
        """
        .formatted(labelsJson);
  }

  @Test
  void malformedJson() {
    assertThat(errorsOf("{\"alerts\": ["))
        .singleElement()
        .asString()
        .startsWith("Request body is not valid JSON (line 1, column 13): ");
  }

  @Test
  void emptyBody() {
    assertThat(errorsOf(new byte[0]))
        .containsExactly(
            "Request body is empty: send the Prometheus Alertmanager webhook JSON object with its"
                + " alerts[]");
  }

  @Test
  void notAnObject() {
    assertThat(errorsOf("[{\"status\": \"firing\"}]"))
        .containsExactly("Request body must be a JSON object, not array");
  }

  @Test
  void invalidUtf8() {
    byte[] body = alertWith("{\"alertname\": \"caf\u00e9\"}").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[body.length];
    System.arraycopy(body, 0, broken, 0, body.length);
    int at = indexOf(broken, (byte) 0xC3);
    broken[at + 1] = (byte) 0x28; // 0xC3 0x28 is not a UTF-8 sequence

    assertThat(errorsOf(broken))
        .containsExactly(
            "Request body is not valid UTF-8 (bad byte 0xC3 at byte offset "
                + at
                + "); send JSON encoded as UTF-8");
  }

  @Test
  void tenThousandDeepNestingIsRefusedQuickly() {
    String deep = "{\"alerts\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    long start = System.nanoTime();

    assertThat(errorsOf(deep))
        .containsExactly(
            "Request body nests JSON objects and arrays deeper than 32 levels (the limit); flatten"
                + " the deepest field");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void tenThousandLabels() {
    String labels =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "\"l" + i + "\": \"v\"")
            .collect(Collectors.joining(",", "{", "}"));

    assertThat(errorsOf(alertWith(labels)))
        .containsExactly("'alerts[0].labels' has 10000 entries; at most 128 are accepted");
  }

  @Test
  void overLongLabelValueAndName() {
    String labels =
        "{\"alertname\": \"%s\", \"%s\": \"x\"}".formatted("v".repeat(4097), "n".repeat(257));

    assertThat(errorsOf(alertWith(labels)))
        .containsExactly(
            "'alerts[0].labels.alertname' is longer than 4096 characters (4097)",
            "'alerts[0].labels' has a name longer than 256 characters (257)");
  }

  @Test
  void overLongFingerprintAndAnnotation() {
    String body =
        """
        {"alerts": [{"status": "firing", "labels": {}, "fingerprint": "%s",
                     "annotations": {"description": "%s"}}]}
        """
            .formatted("f".repeat(256), "d".repeat(16385));

    assertThat(errorsOf(body))
        .containsExactly(
            "'alerts[0].fingerprint' is longer than 255 characters (256)",
            "'alerts[0].annotations.description' is longer than 16384 characters (16385)");
  }

  @Test
  void wrongTypes() {
    String body =
        """
        {"alerts": [{"status": ["firing"], "labels": "alertname=x", "annotations": {"a": {"b": 1}}},
                    "not an alert"],
         "commonLabels": [], "externalURL": {"url": "x"}}
        """;

    assertThat(errorsOf(body))
        .containsExactly(
            "'alerts[0].status' must be a string",
            "'alerts[0].status' is missing or blank (must be 'firing' or 'resolved')",
            "'alerts[0].labels' must be an object of string values",
            "'alerts[0].annotations.a' must be a string",
            "'alerts[1]' must be an object",
            "'externalURL' must be a string",
            "'commonLabels' must be an object of string values");
    assertThat(errorsOf("{\"alerts\": {\"status\": \"firing\"}}"))
        .containsExactly("'alerts' must be an array of alert objects");
  }

  @Test
  void missingRequiredFields() {
    assertThat(errorsOf("{\"version\": \"4\"}"))
        .containsExactly("'alerts' is missing (the webhook payload lists its alerts there)");
    assertThat(errorsOf("{\"alerts\": [{}]}"))
        .containsExactly(
            "'alerts[0].status' is missing or blank (must be 'firing' or 'resolved')",
            "'alerts[0].labels' is missing (every alert is identified by its labels)");
  }

  @Test
  void unknownStatusBadTimeAndWrongVersion() {
    String body =
        """
        {"version": "3", "alerts": [{"status": "pending", "labels": {"a": "b"},
                                     "startsAt": "yesterday"}]}
        """;

    assertThat(errorsOf(body))
        .containsExactly(
            "'version' is \"3\"; only webhook payload version 4 is understood",
            "'alerts[0].status' is invalid (must be 'firing' or 'resolved')",
            "'alerts[0].startsAt' is invalid (must be an RFC 3339 date-time such as"
                + " 2026-01-05T09:00:00Z)");
  }

  @Test
  void tooManyAlertsInOneRequest() {
    String alerts =
        IntStream.range(0, 1001)
            .mapToObj(i -> "{\"status\":\"firing\",\"labels\":{}}")
            .collect(Collectors.joining(",", "[", "]"));

    assertThat(errorsOf("{\"alerts\": " + alerts + "}"))
        .containsExactly(
            "'alerts' has 1001 entries; at most 1000 are accepted per request (set max_alerts in"
                + " the webhook config)");
  }

  @Test
  void aHugeNumberIsRefused() {
    assertThat(errorsOf("{\"alerts\": [], \"orgId\": " + "9".repeat(1000) + "}"))
        .containsExactly(
            "Request body has a number longer than 100 characters (the limit); send it as a"
                + " string");
  }

  @Test
  void theErrorListIsCappedSoTheAnswerStaysShort() {
    String alerts =
        IntStream.range(0, 30)
            .mapToObj(i -> "{\"status\":\"bad\",\"labels\":{}}")
            .collect(Collectors.joining(",", "[", "]"));

    List<String> errors = errorsOf("{\"alerts\": " + alerts + "}");

    assertThat(errors).hasSize(21);
    assertThat(errors.get(20)).isEqualTo("... and 10 more problems of the same kind");
  }

  @Test
  void grafanaAcceptsAnyPayloadVersion() {
    WebhookParser.Parsed parsed =
        new WebhookParser(WebhookFormat.GRAFANA)
            .parse("{\"version\": \"1\", \"alerts\": []}".getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.batch().alerts()).isEmpty();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }
}
