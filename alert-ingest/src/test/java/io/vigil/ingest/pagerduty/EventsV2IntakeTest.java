package io.vigil.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Service;
import io.vigil.ingest.admission.Admission;
import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.auth.Signatures;
import io.vigil.ingest.throttle.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsV2IntakeTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);

  private final List<Alert> stored = new ArrayList<>();
  private boolean storeDown;

  private final AlertSink sink =
      alert -> {
        if (storeDown) {
          throw new AlertSink.AlertsUnavailableException("Kafka is down", null);
        }
        stored.add(alert);
      };

  private final EventsV2Intake intake = intake(new Service.RateLimit(1000, 1000));

  private EventsV2Intake intake(Service.RateLimit limit) {
    var keys = Samples.integrationKeys();
    return new EventsV2Intake(
        keys,
        new Admission(keys, new Signatures(CLOCK), new RateLimiter(limit, () -> 0L)),
        EnqueueMapper.withRandomIds(),
        sink,
        CLOCK,
        5);
  }

  private static Admission.Signed body(String json) {
    return new Admission.Signed(null, null, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptedOnlyAfterTheSinkStoredTheAlert() {
    var outcome = intake.accept(body(Samples.pagerDuty("trigger-full")));

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Accepted(
                "events-v2", "payments", List.of("srv01/mysql"), "Event processed"));
    assertThat(stored).singleElement().extracting(Alert::serviceId).isEqualTo("payments");
  }

  @Test
  void invalidEventStoresNothing() {
    var outcome = intake.accept(body(Samples.pagerDuty("resolve-without-dedup-key")));

    assertThat(((Outcome.Refused) outcome).refusal().httpStatus()).isEqualTo(400);
    assertThat(stored).isEmpty();
  }

  @Test
  void malformedJsonIsInvalidWithOneClearError() {
    var outcome = intake.accept(body("{not json"));

    assertThat(((Outcome.Refused) outcome).refusal().errors())
        .singleElement()
        .isEqualTo(
            "Request body is not valid JSON (line 1, column 2): Unexpected character ('n' (code"
                + " 110)): was expecting double-quote to start field name");
  }

  @Test
  void unavailableWhenTheSinkCannotStoreWithRetryAfter() {
    storeDown = true;

    var outcome = intake.accept(body(Samples.pagerDuty("trigger-minimal")));

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Refused(
                "events-v2", "checkout", Refusal.unavailable("Kafka is down", 5), 1));
  }

  @Test
  void overTheRateLimitIs429AndStoresNothing() {
    EventsV2Intake limited = intake(new Service.RateLimit(1, 1));

    assertThat(limited.accept(body(Samples.pagerDuty("trigger-minimal"))))
        .isInstanceOf(Outcome.Accepted.class);
    var second = (Outcome.Refused) limited.accept(body(Samples.pagerDuty("trigger-minimal")));

    assertThat(second.refusal().httpStatus()).isEqualTo(429);
    assertThat(second.refusal().retryAfterSeconds()).isEqualTo(1);
    assertThat(stored).hasSize(1);
  }
}
