package io.vigil.ticketstore.feed;

import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.AlertResolved;
import io.vigil.schemas.CommandRejected;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentFlapping;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.NoteAdded;
import io.vigil.schemas.ResponderAdded;
import io.vigil.ticketstore.ticket.TicketChange;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@code IncidentEvent} from {@code vigil.incidents.v1} into the timeline line and ticket
 * change it stands for; the Avro types stop here.
 */
public final class IncidentEventMapping {

  static final String SOURCE = "incidents";
  private static final String CLASSIFIER = "classifier";

  private IncidentEventMapping() {}

  /** The event as the ledger applies it; an event of unknown shape is rejected. */
  public static TicketEvent toTicketEvent(IncidentEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("incident record has no value");
    }
    Object body = event.getEvent();
    Map<String, Object> details = new LinkedHashMap<>();
    if (body instanceof IncidentOpened o) {
      details.put("dedupKey", o.getDedupKey());
      details.put("severity", o.getSeverity().name());
      details.put("priority", o.getPriority().name());
      details.put("class", o.getIncidentClass().name());
      details.put("urgency", o.getUrgency().name());
      putIfPresent(details, "escalationPolicyId", o.getEscalationPolicyId());
      details.put("alertEventId", o.getAlertEventId());
      details.put("labels", Map.copyOf(o.getLabels()));
      return event(
          event,
          TimelineKind.OPENED,
          CLASSIFIER,
          "opened \""
              + o.getTitle()
              + "\" as "
              + classification(
                  o.getPriority().name(), o.getIncidentClass().name(), o.getUrgency().name()),
          details,
          new TicketChange.Open(
              event.getServiceId(),
              o.getDedupKey(),
              o.getTitle(),
              o.getSeverity().name(),
              o.getPriority().name(),
              o.getIncidentClass().name(),
              o.getUrgency().name(),
              o.getEscalationPolicyId(),
              o.getFirstSeen()));
    }
    if (body instanceof AlertGrouped g) {
      details.put("alertEventId", g.getAlertEventId());
      details.put("alertCount", g.getAlertCount());
      return event(
          event,
          TimelineKind.ALERT_GROUPED,
          CLASSIFIER,
          "alert grouped, "
              + g.getAlertCount()
              + " alerts in total"
              + (g.getSummary().isBlank() ? "" : ": " + g.getSummary()),
          details,
          new TicketChange.AlertsGrouped(g.getAlertCount(), g.getLastSeen()));
    }
    if (body instanceof IncidentReclassified r) {
      details.put("severity", r.getSeverity().name());
      details.put("reason", r.getReason());
      return event(
          event,
          TimelineKind.RECLASSIFIED,
          CLASSIFIER,
          "reclassified as "
              + classification(
                  r.getPriority().name(), r.getIncidentClass().name(), r.getUrgency().name())
              + (r.getReason().isBlank() ? "" : ": " + r.getReason()),
          details,
          new TicketChange.Reclassify(
              r.getSeverity().name(),
              r.getPriority().name(),
              r.getIncidentClass().name(),
              r.getUrgency().name()));
    }
    if (body instanceof IncidentAcknowledged a) {
      putIfPresent(details, "commandId", a.getCommandId());
      return event(
          event,
          TimelineKind.ACKNOWLEDGED,
          a.getActor(),
          "acknowledged by " + a.getActor(),
          details,
          new TicketChange.Acknowledge(event.getOccurredAt()));
    }
    if (body instanceof IncidentResolved r) {
      putIfPresent(details, "commandId", r.getCommandId());
      return event(
          event,
          TimelineKind.RESOLVED,
          r.getActor(),
          "resolved by " + r.getActor(),
          details,
          new TicketChange.Resolve(event.getOccurredAt()));
    }
    if (body instanceof IncidentReopened r) {
      details.put("reason", r.getReason());
      return event(
          event,
          TimelineKind.REOPENED,
          CLASSIFIER,
          "reopened" + (r.getReason().isBlank() ? "" : ": " + r.getReason()),
          details,
          new TicketChange.Reopen());
    }
    if (body instanceof NoteAdded n) {
      putIfPresent(details, "commandId", n.getCommandId());
      return event(
          event,
          TimelineKind.NOTE,
          n.getActor(),
          n.getText(),
          details,
          new TicketChange.TimelineOnly());
    }
    TicketEvent human = humanAction(event, body, details);
    if (human != null) {
      return human;
    }
    TicketEvent classifier = classifierFact(event, body, details);
    if (classifier != null) {
      return classifier;
    }
    throw new IllegalArgumentException(
        "unknown incident event "
            + (body == null ? "null" : body.getClass().getSimpleName())
            + " in "
            + event.getEventId());
  }

  /**
   * The human commands the classifier applied or rejected. The timeline has no kind of its own for
   * snoozes, reassignments, escalation requests, responders and rejections yet: they read as notes
   * by their actor, with {@code action} in the details.
   */
  private static TicketEvent humanAction(
      IncidentEvent event, Object body, Map<String, Object> details) {
    if (body instanceof IncidentSnoozed s) {
      putIfPresent(details, "commandId", s.getCommandId());
      details.put("action", "snoozed");
      details.put("until", s.getUntil().toString());
      return note(
          event, s.getActor(), "snoozed by " + s.getActor() + " until " + s.getUntil(), details);
    }
    if (body instanceof IncidentReassigned r) {
      putIfPresent(details, "commandId", r.getCommandId());
      details.put("action", "reassigned");
      details.put("userId", r.getUserId());
      return note(
          event, r.getActor(), "reassigned to " + r.getUserId() + " by " + r.getActor(), details);
    }
    if (body instanceof EscalationRequested e) {
      putIfPresent(details, "commandId", e.getCommandId());
      details.put("action", "escalation-requested");
      return note(event, e.getActor(), "escalation requested by " + e.getActor(), details);
    }
    if (body instanceof ResponderAdded r) {
      putIfPresent(details, "commandId", r.getCommandId());
      details.put("action", "responder-added");
      details.put("userId", r.getUserId());
      return note(
          event, r.getActor(), r.getUserId() + " added as responder by " + r.getActor(), details);
    }
    if (body instanceof CommandRejected r) {
      details.put("commandId", r.getCommandId());
      details.put("action", "command-rejected");
      details.put("rejectedAction", r.getAction());
      details.put("reason", r.getReason());
      return note(
          event,
          r.getActor(),
          r.getAction().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " by "
              + r.getActor()
              + " rejected: "
              + r.getReason(),
          details);
    }
    if (body instanceof IncidentMerged m) {
      putIfPresent(details, "commandId", m.getCommandId());
      details.put("targetIncidentId", m.getTargetIncidentId());
      return event(
          event,
          TimelineKind.RESOLVED,
          m.getActor(),
          "merged into " + m.getTargetIncidentId() + " by " + m.getActor(),
          details,
          new TicketChange.Resolve(event.getOccurredAt()));
    }
    return null;
  }

  /** What the classifier observed about the incident's alerts without a human involved. */
  private static TicketEvent classifierFact(
      IncidentEvent event, Object body, Map<String, Object> details) {
    if (body instanceof AlertResolved r) {
      details.put("dedupKey", r.getDedupKey());
      details.put("alertEventId", r.getAlertEventId());
      details.put("openAlerts", r.getOpenAlerts());
      return event(
          event,
          TimelineKind.ALERT_GROUPED,
          CLASSIFIER,
          "alert " + r.getDedupKey() + " resolved, " + r.getOpenAlerts() + " still firing",
          details,
          new TicketChange.TimelineOnly());
    }
    if (body instanceof IncidentFlapping f) {
      details.put("action", "flapping");
      details.put("flapCount", f.getFlapCount());
      details.put("alertEventId", f.getAlertEventId());
      return note(
          event,
          CLASSIFIER,
          "flapping: "
              + f.getFlapCount()
              + " resolve/trigger transitions, kept as one incident and not paged again",
          details);
    }
    return null;
  }

  private static TicketEvent note(
      IncidentEvent event, String actor, String summary, Map<String, Object> details) {
    return event(
        event, TimelineKind.NOTE, actor, summary, details, new TicketChange.TimelineOnly());
  }

  private static String classification(String priority, String incidentClass, String urgency) {
    return priority
        + " "
        + incidentClass.toLowerCase(Locale.ROOT)
        + ", "
        + urgency.toLowerCase(Locale.ROOT)
        + " urgency";
  }

  private static TicketEvent event(
      IncidentEvent event,
      TimelineKind kind,
      String actor,
      String summary,
      Map<String, Object> details,
      TicketChange change) {
    Instant at = event.getOccurredAt();
    return new TicketEvent(
        new TimelineEntry(
            SOURCE, event.getEventId(), event.getIncidentId(), at, kind, actor, summary, details),
        change);
  }

  static void putIfPresent(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
