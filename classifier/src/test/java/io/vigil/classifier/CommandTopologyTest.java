package io.vigil.classifier;

import static io.vigil.classifier.TopologyHarness.T0;
import static io.vigil.classifier.TopologyHarness.command;
import static io.vigil.classifier.TopologyHarness.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.incident.IncidentIds;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.CommandRejected;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.NoteAdded;
import io.vigil.schemas.ResponderAdded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Human commands from vigil.incident-commands.v1 become lifecycle events or rejections. */
class CommandTopologyTest {

  private static final String SERVICES =
      """
      services:
        - { id: payments, escalationPolicy: ops }
        - { id: checkout, escalationPolicy: ops }
      """;

  private TopologyHarness t;
  private String incident;

  @BeforeEach
  void start(@TempDir Path state) {
    t = new TopologyHarness(SERVICES, state);
    t.send(trigger("a1", "payments", "db-down", 0));
    incident = IncidentIds.incidentId("a1");
    t.events();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void acknowledgeThenResolveByAHuman() {
    t.send(command("c1", incident, CommandAction.ACKNOWLEDGE, "alice").build());
    t.send(command("c2", incident, CommandAction.RESOLVE, "alice").build());

    List<IncidentEvent> out = t.events();
    assertThat(out)
        .extracting(IncidentEvent::getEventId)
        .containsExactly(incident + "/command/c1", incident + "/command/c2");
    assertThat(out.get(0).getEvent())
        .isEqualTo(IncidentAcknowledged.newBuilder().setActor("alice").setCommandId("c1").build());
    assertThat(out.get(0).getOccurredAt()).isEqualTo(T0.plusSeconds(600));
    assertThat(out.get(1).getEvent())
        .isEqualTo(IncidentResolved.newBuilder().setActor("alice").setCommandId("c2").build());
  }

  @Test
  void commandsNotValidInTheStateAreRejectedWithTheReason() {
    t.send(
        command("c1", incident, CommandAction.SNOOZE, "alice")
            .setSnoozeUntil(T0.plusSeconds(3600))
            .build());
    t.send(command("c2", incident, CommandAction.ACKNOWLEDGE, "alice").build());
    t.send(command("c3", incident, CommandAction.ACKNOWLEDGE, "bob").build());
    t.send(command("c4", incident, CommandAction.REASSIGN, "bob").setUserId("mallory").build());
    t.send(command("c5", incident, CommandAction.RESOLVE, "bob").build());
    t.send(command("c6", incident, CommandAction.ESCALATE, "bob").build());

    List<IncidentEvent> out = t.events();
    assertThat(out)
        .extracting(e -> e.getEvent() instanceof CommandRejected r ? r.getReason() : "applied")
        .containsExactly(
            "acknowledge incident " + incident + " before snoozing it",
            "applied",
            "incident " + incident + " is already acknowledged",
            "no user 'mallory' in the configuration",
            "applied",
            "incident " + incident + " is resolved");
    CommandRejected rejected = (CommandRejected) out.get(2).getEvent();
    assertThat(rejected)
        .isEqualTo(
            CommandRejected.newBuilder()
                .setCommandId("c3")
                .setAction("ACKNOWLEDGE")
                .setActor("bob")
                .setReason("incident " + incident + " is already acknowledged")
                .build());
    assertThat(out.get(2).getEventId()).isEqualTo(incident + "/rejected/c3");
    assertThat(out.get(2).getServiceId()).isEqualTo("payments");
  }

  @Test
  void reassignSnoozeEscalateNoteAndResponder() {
    t.send(command("c1", incident, CommandAction.ACKNOWLEDGE, "alice").build());
    t.send(
        command("c2", incident, CommandAction.SNOOZE, "alice")
            .setSnoozeUntil(T0.plusSeconds(3600))
            .build());
    t.send(
        command("c3", incident, CommandAction.ADD_NOTE, "alice").setNote("restarting db").build());
    t.send(command("c4", incident, CommandAction.ADD_RESPONDER, "alice").setUserId("bob").build());
    t.send(command("c5", incident, CommandAction.ADD_RESPONDER, "alice").setUserId("bob").build());
    t.send(command("c6", incident, CommandAction.ESCALATE, "alice").build());
    t.send(command("c7", incident, CommandAction.REASSIGN, "alice").setUserId("bob").build());
    t.send(command("c8", incident, CommandAction.ACKNOWLEDGE, "bob").build());

    assertThat(t.events())
        .extracting(IncidentEvent::getEvent)
        .containsExactly(
            IncidentAcknowledged.newBuilder().setActor("alice").setCommandId("c1").build(),
            IncidentSnoozed.newBuilder()
                .setActor("alice")
                .setUntil(T0.plusSeconds(3600))
                .setCommandId("c2")
                .build(),
            NoteAdded.newBuilder()
                .setActor("alice")
                .setText("restarting db")
                .setCommandId("c3")
                .build(),
            ResponderAdded.newBuilder()
                .setActor("alice")
                .setUserId("bob")
                .setCommandId("c4")
                .build(),
            CommandRejected.newBuilder()
                .setCommandId("c5")
                .setAction("ADD_RESPONDER")
                .setActor("alice")
                .setReason("bob is already a responder on incident " + incident)
                .build(),
            EscalationRequested.newBuilder().setActor("alice").setCommandId("c6").build(),
            IncidentReassigned.newBuilder()
                .setActor("alice")
                .setUserId("bob")
                .setCommandId("c7")
                .build(),
            IncidentAcknowledged.newBuilder().setActor("bob").setCommandId("c8").build());
  }

  @Test
  void theSameCommandTwiceIsAppliedOnce() {
    t.send(command("c1", incident, CommandAction.ACKNOWLEDGE, "alice").build());
    t.send(command("c1", incident, CommandAction.ACKNOWLEDGE, "alice").build());

    assertThat(t.events())
        .extracting(IncidentEvent::getEventId)
        .containsExactly(incident + "/command/c1");
  }

  @Test
  void commandForAnUnknownIncidentIsRejectedOnceItsWaitRunsOut() {
    t.send(command("c1", "no-such-incident", CommandAction.ACKNOWLEDGE, "alice").build());
    t.advanceWallClock(Duration.ofSeconds(9)); // the default wait is 10 s
    assertThat(t.events()).isEmpty();

    t.advanceWallClock(Duration.ofSeconds(2));
    IncidentEvent out = t.incidents.readValue();
    assertThat(out.getIncidentId()).isEqualTo("no-such-incident");
    assertThat(out.getServiceId()).isEqualTo("unknown");
    assertThat(((CommandRejected) out.getEvent()).getReason())
        .isEqualTo("incident no-such-incident does not exist (or closed more than 1w ago)");
  }

  @Test
  void aCommandThatArrivesBeforeItsIncidentsOpeningWaitsForItAndApplies() {
    // The API can send a command as soon as it saw the incident; the command's partition may be
    // read before the opening reaches the directory. Here it is, outright: the command first.
    String early = IncidentIds.incidentId("b1");
    t.send(command("c1", early, CommandAction.ACKNOWLEDGE, "alice").build());
    t.send(command("c2", early, CommandAction.ADD_NOTE, "alice").setNote("on it, 10 s in").build());
    assertThat(t.events()).isEmpty();

    t.send(trigger("b1", "payments", "cache-down", 5));

    assertThat(t.events())
        .extracting(IncidentEvent::getEventId)
        .containsExactly(early + "/opened", early + "/command/c1", early + "/command/c2");
    t.advanceWallClock(Duration.ofMinutes(1)); // nothing left waiting to be rejected
    assertThat(t.events()).isEmpty();
  }

  @Test
  void aMergeIntoAnIncidentNotOpenYetWaitsForTheTarget() {
    String target = IncidentIds.incidentId("b1");
    t.send(
        command("m1", incident, CommandAction.MERGE, "alice").setTargetIncidentId(target).build());
    assertThat(t.events()).isEmpty();

    t.send(trigger("b1", "payments", "db-slow", 5));

    assertThat(t.events())
        .extracting(IncidentEvent::getEventId)
        .containsExactly(target + "/opened", incident + "/command/m1", target + "/merged-in/m1");
  }

  @Test
  void mergeMovesTheAlertsIntoTheTargetWhichCountsTheirRepeats() {
    t.send(trigger("b1", "payments", "db-slow", 10));
    String target = IncidentIds.incidentId("b1");
    t.send(trigger("a2", "payments", "db-down", 20));
    t.events();

    t.send(
        command("m1", incident, CommandAction.MERGE, "alice").setTargetIncidentId(target).build());
    t.send(trigger("a3", "payments", "db-down", 30));
    t.send(command("m2", incident, CommandAction.ACKNOWLEDGE, "alice").build());

    List<IncidentEvent> out = t.events();
    assertThat(out)
        .extracting(IncidentEvent::getEventId)
        .containsExactly(
            incident + "/grouped/2", // a2's repeat, counted, goes out before the merge
            incident + "/command/m1",
            target + "/merged-in/m1",
            incident + "/rejected/m2");
    t.advanceWallClock(ClassifierOptions.COUNT_INTERVAL);
    assertThat(t.events())
        .extracting(IncidentEvent::getEventId)
        .containsExactly(target + "/grouped/4");
    out = out.subList(1, out.size());
    assertThat(out.get(0).getEvent())
        .isEqualTo(
            IncidentMerged.newBuilder()
                .setActor("alice")
                .setTargetIncidentId(target)
                .setCommandId("m1")
                .build());
    assertThat(((AlertGrouped) out.get(1).getEvent()).getAlertCount()).isEqualTo(3);
    assertThat(((AlertGrouped) out.get(1).getEvent()).getSummary())
        .isEqualTo("merged incident " + incident + " (2 alerts)");
    assertThat(((CommandRejected) out.get(2).getEvent()).getReason())
        .isEqualTo("incident " + incident + " was merged into " + target + ": act on that one");
  }

  @Test
  void mergeAcrossServicesIsRejected() {
    t.send(trigger("b1", "checkout", "cart", 10));
    String other = IncidentIds.incidentId("b1");
    t.events();

    t.send(
        command("m1", incident, CommandAction.MERGE, "alice").setTargetIncidentId(other).build());

    assertThat(((CommandRejected) t.incidents.readValue().getEvent()).getReason())
        .isEqualTo(
            "cannot merge across services: incident "
                + other
                + " belongs to checkout, this one to payments");
  }
}
