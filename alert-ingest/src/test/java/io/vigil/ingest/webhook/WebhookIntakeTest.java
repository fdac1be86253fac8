package io.vigil.ingest.webhook;

import static io.vigil.ingest.admission.TestAdmission.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.admission.TestAdmission;
import io.vigil.ingest.auth.Signatures;
import io.vigil.ingest.pagerduty.Samples;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {

  private static final String AM_KEY = "22222222222222222222222222222222";
  private static final String THROTTLED_KEY = "55555555555555555555555555555555";
  private static final String SIGNED_GRAFANA_KEY = "66666666666666666666666666666666";

  private final TestAdmission.RecordingSink sink = new TestAdmission.RecordingSink();

  private WebhookIntake intake(WebhookFormat format) {
    return new WebhookIntake(
        format,
        TestAdmission.admission(),
        new WebhookAlerts(format, UUID::randomUUID),
        sink,
        TestAdmission.CLOCK,
        5);
  }

  private final WebhookIntake alertmanager = intake(WebhookFormat.ALERTMANAGER);
  private final String sample = Samples.read("alertmanager/firing-and-resolved.json");

  @Test
  void aValidBatchIsAcceptedOnceEveryAlertIsStored() {
    Outcome outcome = alertmanager.accept(AM_KEY, body(sample));

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Accepted(
                "alertmanager",
                "payments",
                List.of("1a30ba71cca2921f", "7b2d9c40aa61e3f5"),
                "2 alerts processed"));
    assertThat(sink.stored).hasSize(2);
  }

  @Test
  void missingMalformedAndUnknownKeysAre401WrongFormatIs403() {
    assertThat(refusal(alertmanager.accept(null, body(sample))))
        .extracting(Refusal::httpStatus, Refusal::reason, Refusal::message)
        .containsExactly(
            401,
            "key_missing",
            "no integration key: send the header Authorization: Bearer <integration key>");
    assertThat(refusal(alertmanager.accept("xyz", body(sample))))
        .extracting(Refusal::httpStatus, Refusal::reason)
        .containsExactly(401, "key_malformed");
    assertThat(refusal(alertmanager.accept("f".repeat(32), body(sample))))
        .extracting(Refusal::httpStatus, Refusal::reason)
        .containsExactly(401, "key_unknown");
    assertThat(refusal(alertmanager.accept("11111111111111111111111111111111", body(sample))))
        .extracting(Refusal::httpStatus, Refusal::reason, Refusal::message)
        .containsExactly(
            403,
            "key_wrong_format",
            "integration key refused: this key belongs to the service's events-v2 integration;"
                + " send events-v2 requests to /v2/enqueue, or use the service's [alertmanager]"
                + " key here");
    assertThat(sink.stored).isEmpty();
  }

  @Test
  void aBatchOverTheRateLimitIs429WithRetryAfterAndNothingStored() {
    Outcome outcome = alertmanager.accept(THROTTLED_KEY, body(sample));
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);

    Outcome second = alertmanager.accept(THROTTLED_KEY, body(sample));

    assertThat(second)
        .isEqualTo(
            new Outcome.Refused(
                "alertmanager",
                "throttled",
                Refusal.throttled(
                    "Too many alerts for integration throttled/alertmanager; nothing of this"
                        + " request was stored, retry after 1 s (raise the integration's rateLimit"
                        + " if this rate is expected)",
                    1),
                2));
    assertThat(sink.stored).hasSize(2);
  }

  @Test
  void kafkaDownIs503WithRetryAfter() {
    sink.down = true;

    assertThat(alertmanager.accept(AM_KEY, body(sample)))
        .isEqualTo(
            new Outcome.Refused(
                "alertmanager", "payments", Refusal.unavailable("Kafka is down", 5), 2));
  }

  @Test
  void anInvalidBodyIs400AfterTheKeyIsKnown() {
    Refusal r = refusal(alertmanager.accept(AM_KEY, body("{\"version\":\"4\"}")));

    assertThat(r)
        .isEqualTo(
            Refusal.invalid(
                List.of("'alerts' is missing (the webhook payload lists its alerts there)")));
  }

  @Test
  void aSigningIntegrationNeedsAValidSignature() {
    WebhookIntake grafana = intake(WebhookFormat.GRAFANA);
    byte[] body = Samples.read("grafana/firing.json").getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(TestAdmission.NOW.getEpochSecond());
    String good = HexFormat.of().formatHex(Signatures.sign("s3cret-s3cret-s3cret", ts, body));

    assertThat(refusal(grafana.accept(SIGNED_GRAFANA_KEY, new Admission.Signed(null, ts, body))))
        .extracting(Refusal::httpStatus, Refusal::reason)
        .containsExactly(401, "bad_signature");
    assertThat(
            refusal(
                grafana.accept(
                    SIGNED_GRAFANA_KEY, new Admission.Signed("00" + good.substring(2), ts, body))))
        .extracting(Refusal::httpStatus)
        .isEqualTo(401);
    assertThat(grafana.accept(SIGNED_GRAFANA_KEY, new Admission.Signed(good, ts, body)))
        .isInstanceOf(Outcome.Accepted.class);
  }

  private static Refusal refusal(Outcome outcome) {
    return ((Outcome.Refused) outcome).refusal();
  }
}
