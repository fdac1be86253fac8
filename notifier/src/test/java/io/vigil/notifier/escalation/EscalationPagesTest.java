package io.vigil.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.notifier.page.Page;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.PagedUser;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPagesTest {

  static EscalationEvent fired(String eventId, String incidentId, List<String> users) {
    return EscalationEvent.newBuilder()
        .setEventId(eventId)
        .setIncidentId(incidentId)
        .setServiceId("payments")
        .setOccurredAt(Instant.parse("2026-02-01T10:00:00Z"))
        .setEvent(
            EscalationFired.newBuilder()
                .setPolicyId("payments")
                .setLevel(2)
                .setRound(1)
                .setReason(EscalationReason.TIMEOUT)
                .setTargets(
                    users.stream()
                        .map(u -> PagedUser.newBuilder().setUserId(u).setVia(null).build())
                        .toList())
                .setTitle("Disk full on db-1")
                .setPriority(Priority.P1)
                .setUrgency(Urgency.HIGH)
                .build())
        .build();
  }

  @Test
  void anEscalationFiredBecomesAPage() {
    assertThat(EscalationPages.pageOf(fired("esc-1", "inc-1", List.of("alice", "bob"))))
        .contains(
            new Page(
                "esc-1",
                "inc-1",
                "payments",
                "Disk full on db-1",
                "P1",
                Page.Urgency.HIGH,
                2,
                1,
                "TIMEOUT",
                List.of("alice", "bob")));
  }

  @Test
  void aCancellationPagesNobody() {
    EscalationEvent cancelled =
        EscalationEvent.newBuilder()
            .setEventId("esc-2")
            .setIncidentId("inc-1")
            .setServiceId("payments")
            .setOccurredAt(Instant.parse("2026-02-01T10:05:00Z"))
            .setEvent(EscalationCancelled.newBuilder().setReason("resolved").build())
            .build();

    assertThat(EscalationPages.pageOf(cancelled)).isEmpty();
  }
}
