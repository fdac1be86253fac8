package io.vigil.ingest.heartbeat;

import static io.vigil.ingest.admission.TestAdmission.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.admission.Outcome;
import io.vigil.ingest.admission.Refusal;
import io.vigil.ingest.admission.TestAdmission;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertAction;
import io.vigil.ingest.alert.AlertSeverity;
import io.vigil.ingest.alert.SourceFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeartbeatIntakeTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000007");

  private final TestAdmission.RecordingSink sink = new TestAdmission.RecordingSink();
  private final HeartbeatIntake intake =
      new HeartbeatIntake(TestAdmission.admission(), sink, () -> ID, TestAdmission.CLOCK, 5);

  @Test
  void aCheckInOfAConfiguredHeartbeatIsAHeartbeatAlertKeyedByItsId() {
    Outcome outcome = intake.accept("nightly-backup", "33333333333333333333333333333333", body(""));

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Accepted(
                "heartbeat", "payments", List.of("nightly-backup"), "Heartbeat recorded"));
    assertThat(sink.stored)
        .containsExactly(
            new Alert(
                ID.toString(),
                AlertAction.HEARTBEAT,
                "payments",
                "nightly-backup",
                SourceFormat.GRAFANA,
                AlertSeverity.INFO,
                "Heartbeat nightly-backup",
                null,
                null,
                null,
                null,
                Map.of("heartbeat", "nightly-backup"),
                null,
                List.of(),
                null,
                null,
                TestAdmission.NOW,
                TestAdmission.NOW));
  }

  @Test
  void anUnconfiguredHeartbeatIs404NamingTheConfiguredOnes() {
    Outcome outcome = intake.accept("hourly-sync", "11111111111111111111111111111111", body(""));

    assertThat(((Outcome.Refused) outcome).refusal())
        .isEqualTo(
            Refusal.notFound(
                "unknown_heartbeat",
                "no heartbeat 'hourly-sync' is configured for service payments; configured:"
                    + " [nightly-backup] (add it under services[].heartbeats with its interval)"));
    assertThat(sink.stored).isEmpty();
  }

  @Test
  void withoutAKeyIs401() {
    Outcome outcome = intake.accept("nightly-backup", null, body(""));

    assertThat(((Outcome.Refused) outcome).refusal().httpStatus()).isEqualTo(401);
  }
}
