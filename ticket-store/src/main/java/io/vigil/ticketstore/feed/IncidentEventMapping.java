package io.vigil.ticketstore.feed;

import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.NoteAdded;
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
    throw new IllegalArgumentException(
        "unknown incident event "
            + (body == null ? "null" : body.getClass().getSimpleName())
            + " in "
            + event.getEventId());
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
