package io.vigil.ticketstore.feed;

import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationLevelSkipped;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.PagedUser;
import io.vigil.ticketstore.ticket.TicketChange;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns an {@code EscalationEvent} from {@code vigil.escalations.v1} into one timeline line: who
 * was paged at which level and through what, a skipped level, or a stopped escalation.
 */
public final class EscalationEventMapping {

  static final String SOURCE = "escalations";
  private static final String ESCALATION = "escalation";

  private EscalationEventMapping() {}

  /** The event as the ledger applies it; escalations only add to the timeline. */
  public static TicketEvent toTicketEvent(EscalationEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("escalation record has no value");
    }
    Object body = event.getEvent();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("serviceId", event.getServiceId());
    TimelineKind kind;
    String summary;
    if (body instanceof EscalationFired f) {
      kind = TimelineKind.PAGED;
      summary = pagedSummary(f);
      details.put("policyId", f.getPolicyId());
      details.put("level", f.getLevel());
      details.put("round", f.getRound());
      details.put("reason", f.getReason().name());
      details.put("users", f.getTargets().stream().map(PagedUser::getUserId).toList());
      details.put(
          "via",
          f.getTargets().stream().map(t -> t.getVia() == null ? "direct" : t.getVia()).toList());
      if (f.getNextStepDueAt() != null) {
        details.put("nextStepDueAt", f.getNextStepDueAt().toString());
      }
    } else if (body instanceof EscalationLevelSkipped s) {
      kind = TimelineKind.LEVEL_SKIPPED;
      summary = "skipped level " + s.getLevel() + ": " + s.getReason();
      details.put("policyId", s.getPolicyId());
      details.put("level", s.getLevel());
    } else if (body instanceof EscalationCancelled c) {
      kind = TimelineKind.ESCALATION_CANCELLED;
      summary = "escalation stopped: " + c.getReason();
    } else {
      throw new IllegalArgumentException(
          "unknown escalation event "
              + (body == null ? "null" : body.getClass().getSimpleName())
              + " in "
              + event.getEventId());
    }
    return new TicketEvent(
        new TimelineEntry(
            SOURCE,
            event.getEventId(),
            event.getIncidentId(),
            event.getOccurredAt(),
            kind,
            ESCALATION,
            summary,
            details),
        new TicketChange.TimelineOnly());
  }

  /** E.g. {@code paged alice (level 1, via schedule:payments-primary)}. */
  static String pagedSummary(EscalationFired fired) {
    List<PagedUser> targets = fired.getTargets();
    StringBuilder why = new StringBuilder("level " + fired.getLevel());
    if (fired.getRound() > 1) {
      why.append(", round ").append(fired.getRound());
    }
    String who;
    List<String> vias = targets.stream().map(PagedUser::getVia).distinct().toList();
    if (targets.isEmpty()) {
      who = "nobody";
    } else if (vias.size() == 1) {
      who = targets.stream().map(PagedUser::getUserId).collect(Collectors.joining(", "));
      if (vias.get(0) != null) {
        why.append(", via ").append(vias.get(0));
      }
    } else {
      who =
          targets.stream()
              .map(t -> t.getVia() == null ? t.getUserId() : t.getUserId() + " via " + t.getVia())
              .collect(Collectors.joining(", "));
    }
    String reason = reasonText(fired.getReason());
    if (reason != null) {
      why.append(", ").append(reason);
    }
    return "paged " + who + " (" + why + ")";
  }

  private static String reasonText(EscalationReason reason) {
    return switch (Objects.requireNonNullElse(reason, EscalationReason.UNKNOWN)) {
      case INITIAL, UNKNOWN -> null;
      case TIMEOUT -> "nobody acknowledged in time";
      case REPEAT -> "policy repeated";
      case MANUAL -> "escalated by hand";
      case REASSIGNED -> "reassigned";
      case RECLASSIFIED -> "reclassified";
      case ACK_TIMEOUT -> "acknowledged but not resolved in time";
      case SNOOZE_ENDED -> "snooze ended";
      case SUPPORT_HOURS -> "support hours began";
    };
  }
}
