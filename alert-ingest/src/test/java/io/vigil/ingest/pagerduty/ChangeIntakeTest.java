package io.vigil.ingest.pagerduty;

import static io.vigil.ingest.admission.TestAdmission.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.admission.TestAdmission;
import io.vigil.ingest.alert.AlertLink;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.change.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeIntakeTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000003");

  private final List<Change> stored = new ArrayList<>();
  private boolean down;
  private final ChangeIntake intake =
      new ChangeIntake(
          TestAdmission.admission(),
          change -> {
            if (down) {
              throw new AlertSink.AlertsUnavailableException("Kafka is down", null);
            }
            stored.add(change);
          },
          () -> ID,
          TestAdmission.CLOCK,
          5);

  @Test
  void pagerDutysDocumentedChangeEventIsStoredForItsService() {
    Outcome outcome = intake.accept(body(Samples.pagerDuty("change-build")));

    assertThat(outcome)
        .isEqualTo(new Outcome.Accepted("change", "payments", List.of(), "Change event processed"));
    assertThat(stored)
        .containsExactly(
            new Change(
                ID.toString(),
                "payments",
                "Build Success: Increase snapshot create timeout to 30 seconds",
                "acme-build-pipeline-tool-default-i-9999",
                "{\"build_state\":\"passed\",\"build_number\":\"2\",\"run_time\":\"1236s\"}",
                List.of(
                    new AlertLink(
                        "https://acme.example.dev/build/2", "View more details in Acme!")),
                Instant.parse("2026-07-17T08:42:58.315Z"),
                TestAdmission.NOW));
  }

  @Test
  void aChangeNeedsAKnownKeyAndASummary() {
    Outcome outcome =
        intake.accept(body("{\"routing_key\":\"abc\",\"payload\":{\"source\":\"ci\"}}"));

    assertThat(((Outcome.Refused) outcome).refusal())
        .isEqualTo(
            Refusal.invalid(
                List.of(
                    "Invalid routing key: the integration key must be 32 lower-case hex"
                        + " characters (this one has 3 characters or other symbols); copy the key"
                        + " from the service's configuration",
                    "'payload.summary' is missing or blank")));
    assertThat(stored).isEmpty();
  }

  @Test
  void kafkaDownIs503() {
    down = true;

    Outcome outcome = intake.accept(body(Samples.pagerDuty("change-build")));

    assertThat(((Outcome.Refused) outcome).refusal())
        .isEqualTo(Refusal.unavailable("Kafka is down", 5));
  }
}
