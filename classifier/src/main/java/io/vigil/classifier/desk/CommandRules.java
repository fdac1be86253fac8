package io.vigil.classifier.desk;

import io.vigil.classifier.incident.AlertState;
import io.vigil.classifier.incident.IncidentEvents;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.classifier.incident.IncidentStatus;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.NoteAdded;
import io.vigil.schemas.ResponderAdded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A human command becomes the lifecycle event it asks for when the incident's state allows it, and
 * a {@code CommandRejected} event saying why when it does not; a command id seen before is ignored.
 */
final class CommandRules {

  private final DeskState state;

  CommandRules(DeskState state) {
    this.state = state;
  }

  /** The events of command {@code c}, users checked against {@code document}. */
  List<IncidentEvent> apply(IncidentCommand c, VigilConfig document, long now) {
    List<IncidentEvent> out = new ArrayList<>();
    IncidentState incident = state.incident(c.getIncidentId());
    if (incident == null) {
      out.add(reject(c, "unknown", "incident " + c.getIncidentId() + " is not known (or expired)"));
      return out;
    }
    if (!incident.rememberCommand(c.getCommandId())) {
      return out; // the same command again: it was applied or rejected already
    }
    String reason = check(c, incident, document);
    if (reason != null) {
      out.add(reject(c, incident.serviceId, reason));
    } else {
      perform(c, incident, now, out);
    }
    state.save(incident);
    return out;
  }

  /** Why the command cannot be applied now, or null when it can. */
  private String check(IncidentCommand c, IncidentState incident, VigilConfig document) {
    IncidentStatus status = incident.statusAt(c.getIssuedAt().toEpochMilli());
    String id = incident.id;
    if (status == IncidentStatus.MERGED
        && c.getAction() != io.vigil.schemas.CommandAction.ADD_NOTE) {
      return "incident " + id + " was merged into " + incident.mergedInto + ": act on that one";
    }
    String closed = status.open() ? null : "incident " + id + " is resolved";
    return switch (c.getAction()) {
      case ACKNOWLEDGE ->
          closed != null
              ? closed
              : status == IncidentStatus.TRIGGERED
                  ? null
                  : "incident " + id + " is already acknowledged";
      case RESOLVE, ESCALATE -> closed;
      case REASSIGN -> closed != null ? closed : knownUser(c, document, "reassign");
      case ADD_RESPONDER ->
          closed != null
              ? closed
              : knownUser(c, document, "add as responder") != null
                  ? knownUser(c, document, "add as responder")
                  : incident.responders.contains(c.getUserId())
                      ? c.getUserId() + " is already a responder on incident " + id
                      : null;
      case SNOOZE -> closed != null ? closed : snoozeProblem(c, status, id);
      case ADD_NOTE -> c.getNote() == null || c.getNote().isBlank() ? "a note needs text" : null;
      case MERGE -> closed != null ? closed : mergeProblem(c, incident);
      case UNKNOWN ->
          "unknown action: use acknowledge, resolve, reassign, escalate, snooze, add_note,"
              + " add_responder or merge";
    };
  }

  private static String knownUser(IncidentCommand c, VigilConfig document, String verb) {
    if (c.getUserId() == null || c.getUserId().isBlank()) {
      return "name the user to " + verb + " (userId)";
    }
    return document.user(c.getUserId()).isPresent()
        ? null
        : "no user '" + c.getUserId() + "' in the configuration";
  }

  private static String snoozeProblem(IncidentCommand c, IncidentStatus status, String id) {
    if (c.getSnoozeUntil() == null || !c.getSnoozeUntil().isAfter(c.getIssuedAt())) {
      return "snooze needs a snoozeUntil time after the command's time";
    }
    return status == IncidentStatus.TRIGGERED
        ? "acknowledge incident " + id + " before snoozing it"
        : null;
  }

  private String mergeProblem(IncidentCommand c, IncidentState incident) {
    String target = c.getTargetIncidentId();
    if (target == null || target.isBlank()) {
      return "name the incident to merge into (targetIncidentId)";
    }
    if (target.equals(incident.id)) {
      return "an incident cannot be merged into itself";
    }
    IncidentState into = state.incident(target);
    if (into == null || !into.serviceId.equals(incident.serviceId)) {
      return "incident " + target + " is not an incident of service " + incident.serviceId;
    }
    return into.status.open() ? null : "incident " + target + " is resolved";
  }

  private void perform(
      IncidentCommand c, IncidentState incident, long now, List<IncidentEvent> out) {
    String actor = c.getActor();
    String cmd = c.getCommandId();
    Object payload =
        switch (c.getAction()) {
          case ACKNOWLEDGE -> {
            incident.status = IncidentStatus.ACKNOWLEDGED;
            incident.snoozedUntil = null;
            incident.acknowledgements++;
            yield IncidentAcknowledged.newBuilder().setActor(actor).setCommandId(cmd).build();
          }
          case RESOLVE -> {
            incident.resolutions++;
            silenceAlerts(incident);
            state.close(incident, IncidentStatus.RESOLVED, now);
            yield IncidentResolved.newBuilder().setActor(actor).setCommandId(cmd).build();
          }
          case REASSIGN -> {
            // A new assignee has not seen it yet: the incident is triggered again, as in PagerDuty.
            incident.status = IncidentStatus.TRIGGERED;
            incident.snoozedUntil = null;
            yield IncidentReassigned.newBuilder()
                .setActor(actor)
                .setUserId(c.getUserId())
                .setCommandId(cmd)
                .build();
          }
          case ESCALATE ->
              EscalationRequested.newBuilder().setActor(actor).setCommandId(cmd).build();
          case SNOOZE -> {
            incident.status = IncidentStatus.SNOOZED;
            incident.snoozedUntil = c.getSnoozeUntil().toEpochMilli();
            yield IncidentSnoozed.newBuilder()
                .setActor(actor)
                .setUntil(c.getSnoozeUntil())
                .setCommandId(cmd)
                .build();
          }
          case ADD_NOTE ->
              NoteAdded.newBuilder().setActor(actor).setText(c.getNote()).setCommandId(cmd).build();
          case ADD_RESPONDER -> {
            incident.responders.add(c.getUserId());
            yield ResponderAdded.newBuilder()
                .setActor(actor)
                .setUserId(c.getUserId())
                .setCommandId(cmd)
                .build();
          }
          case MERGE -> merge(c, incident, now, out);
          case UNKNOWN -> throw new IllegalStateException("checked before");
        };
    out.add(0, event(IncidentIds.command(incident.id, cmd), incident, c.getIssuedAt(), payload));
  }

  /** Moves the incident's alerts into the target, which counts them from now on. */
  private IncidentMerged merge(
      IncidentCommand c, IncidentState incident, long now, List<IncidentEvent> out) {
    IncidentState into = state.incident(c.getTargetIncidentId());
    into.alertCount += incident.alertCount;
    for (String dedupKey : state.members(incident.id)) {
      state.addMember(into, dedupKey);
      String key = DeskState.key(incident.serviceId, dedupKey);
      AlertState alert = state.alerts.get(key);
      if (alert != null && incident.id.equals(alert.incidentId)) {
        alert.incidentId = into.id;
        if (alert.firing) {
          into.fire(alert.severity);
        }
        state.alerts.put(key, alert);
      }
    }
    state.dropMembers(incident.id);
    state.countPublished(into); // the merge's AlertGrouped carries the count
    state.save(into);
    out.add(
        event(
            IncidentIds.mergedIn(into.id, c.getCommandId()),
            into,
            c.getIssuedAt(),
            AlertGrouped.newBuilder()
                .setDedupKey(incident.dedupKey)
                .setAlertEventId("merge:" + c.getCommandId())
                .setAlertCount(into.alertCount)
                .setLastSeen(c.getIssuedAt())
                .setSummary(
                    "merged incident " + incident.id + " (" + incident.alertCount + " alerts)")
                .build()));
    incident.mergedInto = into.id;
    incident.quietAll();
    state.close(incident, IncidentStatus.MERGED, now);
    return IncidentMerged.newBuilder()
        .setActor(c.getActor())
        .setTargetIncidentId(into.id)
        .setCommandId(c.getCommandId())
        .build();
  }

  /** After a human resolve the alerts no longer fire: their next trigger opens a new incident. */
  private void silenceAlerts(IncidentState incident) {
    for (String dedupKey : state.members(incident.id)) {
      String key = DeskState.key(incident.serviceId, dedupKey);
      AlertState alert = state.alerts.get(key);
      if (alert != null && incident.id.equals(alert.incidentId) && alert.firing) {
        alert.firing = false;
        state.alerts.put(key, alert);
      }
    }
    incident.quietAll();
  }

  private static IncidentEvent event(
      String eventId, IncidentState incident, Instant at, Object payload) {
    return IncidentEvents.event(eventId, incident.id, incident.serviceId, at, payload);
  }

  static IncidentEvent reject(IncidentCommand c, String serviceId, String reason) {
    return IncidentEvents.rejected(
        c.getIncidentId(),
        serviceId,
        c.getCommandId(),
        c.getAction().name(),
        c.getActor(),
        reason,
        c.getIssuedAt());
  }
}
