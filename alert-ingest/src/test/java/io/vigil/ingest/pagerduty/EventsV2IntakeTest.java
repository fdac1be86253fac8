package io.vigil.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsV2IntakeTest {

  private final List<Alert> stored = new ArrayList<>();
  private boolean storeDown;

  private final AlertSink sink =
      alert -> {
        if (storeDown) {
          throw new AlertSink.AlertsUnavailableException("Kafka is down", null);
        }
        stored.add(alert);
      };

  private final EventsV2Intake intake =
      new EventsV2Intake(
          Samples.routingKeys(),
          EnqueueMapper.withRandomIds(),
          sink,
          Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void acceptedOnlyAfterTheSinkStoredTheAlert() {
    var outcome = intake.accept(Samples.pagerDuty("trigger-full"));

    assertThat(outcome).isInstanceOf(EventsV2Intake.Outcome.Accepted.class);
    assertThat(((EventsV2Intake.Outcome.Accepted) outcome).dedupKey()).isEqualTo("srv01/mysql");
    assertThat(stored).singleElement().extracting(Alert::serviceId).isEqualTo("payments");
  }

  @Test
  void invalidEventStoresNothing() {
    var outcome = intake.accept(Samples.pagerDuty("resolve-without-dedup-key"));

    assertThat(outcome).isInstanceOf(EventsV2Intake.Outcome.Invalid.class);
    assertThat(stored).isEmpty();
  }

  @Test
  void malformedJsonIsInvalidWithOneClearError() {
    var outcome = intake.accept("{not json");

    assertThat(((EventsV2Intake.Outcome.Invalid) outcome).errors())
        .singleElement()
        .isEqualTo(
            "Request body is not valid JSON (line 1, column 2): Unexpected character ('n' (code"
                + " 110)): was expecting double-quote to start field name");
  }

  @Test
  void unavailableWhenTheSinkCannotStore() {
    storeDown = true;

    var outcome = intake.accept(Samples.pagerDuty("trigger-minimal"));

    assertThat(outcome).isEqualTo(new EventsV2Intake.Outcome.Unavailable("Kafka is down"));
  }
}
