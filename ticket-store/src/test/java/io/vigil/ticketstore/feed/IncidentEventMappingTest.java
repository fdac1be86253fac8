package io.vigil.ticketstore.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AlertResolved;
import io.vigil.schemas.CommandRejected;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentFlapping;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.ResponderAdded;
import io.vigil.ticketstore.ticket.TicketChange;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The classifier's newer incident events become timeline lines (and ticket changes), never dead
 * letters.
 */
class IncidentEventMappingTest {

  private static final Instant AT = Instant.parse("2026-03-02T10:15:30Z");

  private static TicketEvent map(Object body) {
    return IncidentEventMapping.toTicketEvent(
        IncidentEvent.newBuilder()
            .setEventId("inc-1/x")
            .setIncidentId("inc-1")
            .setServiceId("payments")
            .setOccurredAt(AT)
            .setEvent(body)
            .build());
  }

  @Test
  void humanCommandsReadAsNotesByTheirActor() {
    assertThat(
            map(IncidentSnoozed.newBuilder()
                    .setActor("alice")
                    .setUntil(AT.plusSeconds(3600))
                    .setCommandId("c1")
                    .build())
                .entry())
        .extracting(e -> e.kind(), e -> e.actor(), e -> e.summary())
        .containsExactly(TimelineKind.NOTE, "alice", "snoozed by alice until 2026-03-02T11:15:30Z");
    assertThat(
            map(IncidentReassigned.newBuilder().setActor("alice").setUserId("bob").build())
                .entry()
                .summary())
        .isEqualTo("reassigned to bob by alice");
    assertThat(map(EscalationRequested.newBuilder().setActor("alice").build()).entry().summary())
        .isEqualTo("escalation requested by alice");
    assertThat(
            map(ResponderAdded.newBuilder().setActor("alice").setUserId("carol").build())
                .entry()
                .summary())
        .isEqualTo("carol added as responder by alice");
    TicketEvent rejected =
        map(
            CommandRejected.newBuilder()
                .setCommandId("c9")
                .setAction("ADD_RESPONDER")
                .setActor("bob")
                .setReason("incident inc-1 is resolved")
                .build());
    assertThat(rejected.entry().summary())
        .isEqualTo("add responder by bob rejected: incident inc-1 is resolved");
    assertThat(rejected.entry().details()).containsEntry("reason", "incident inc-1 is resolved");
    assertThat(rejected.change()).isEqualTo(new TicketChange.TimelineOnly());
  }

  @Test
  void aMergedIncidentIsClosedAsResolved() {
    TicketEvent merged =
        map(
            IncidentMerged.newBuilder()
                .setActor("alice")
                .setTargetIncidentId("inc-2")
                .setCommandId("m1")
                .build());
    assertThat(merged.entry().kind()).isEqualTo(TimelineKind.RESOLVED);
    assertThat(merged.entry().summary()).isEqualTo("merged into inc-2 by alice");
    assertThat(merged.change()).isEqualTo(new TicketChange.Resolve(AT));
  }

  @Test
  void alertResolvedAndFlappingAreClassifierFacts() {
    TicketEvent resolved =
        map(
            AlertResolved.newBuilder()
                .setDedupKey("db-1")
                .setAlertEventId("r1")
                .setOpenAlerts(2)
                .build());
    assertThat(resolved.entry())
        .extracting(e -> e.kind(), e -> e.actor(), e -> e.summary())
        .containsExactly(
            TimelineKind.ALERT_GROUPED, "classifier", "alert db-1 resolved, 2 still firing");
    assertThat(resolved.change()).isEqualTo(new TicketChange.TimelineOnly());
    assertThat(
            map(IncidentFlapping.newBuilder().setFlapCount(4).setAlertEventId("a3").build())
                .entry()
                .summary())
        .isEqualTo(
            "flapping: 4 resolve/trigger transitions, kept as one incident and not paged again");
  }
}
