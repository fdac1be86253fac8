package io.vigil.ticketstore.feed;

import io.vigil.schemas.NotificationEvent;
import io.vigil.ticketstore.ticket.TicketChange;
import io.vigil.ticketstore.ticket.TicketEvent;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@code NotificationEvent} from {@code vigil.notifications.v1} into one timeline line,
 * e.g. {@code delivered to alice by webhook}.
 */
public final class NotificationEventMapping {

  static final String SOURCE = "notifications";
  private static final String NOTIFIER = "notifier";

  private NotificationEventMapping() {}

  /** The event as the ledger applies it; deliveries only add to the timeline. */
  public static TicketEvent toTicketEvent(NotificationEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("notification record has no value");
    }
    String user = event.getUserId();
    String channel = event.getChannel().name().toLowerCase(Locale.ROOT);
    String tries = event.getTries() > 1 ? " (try " + event.getTries() + ")" : "";
    String detail =
        event.getDetail() == null || event.getDetail().isBlank() ? "" : ": " + event.getDetail();
    TimelineKind kind;
    String summary;
    switch (event.getOutcome()) {
      case DELIVERED -> {
        kind = TimelineKind.DELIVERED;
        summary = "delivered to " + user + " by " + channel + tries;
      }
      case SENT -> {
        kind = TimelineKind.SENDING;
        summary = "sending to " + user + " by " + channel;
      }
      case SUPPRESSED -> {
        kind = TimelineKind.DELIVERY_SKIPPED;
        summary = "suppressed delivery to " + user + " by " + channel + detail;
      }
      case RETRYING -> {
        kind = TimelineKind.DELIVERY_FAILED;
        summary = "delivery to " + user + " by " + channel + " failed, retrying" + tries + detail;
      }
      case SKIPPED -> {
        kind = TimelineKind.DELIVERY_SKIPPED;
        summary = "skipped delivery to " + user + " by " + channel + detail;
      }
      case FAILED -> {
        kind = TimelineKind.DELIVERY_FAILED;
        summary = "delivery to " + user + " by " + channel + " failed" + tries + detail;
      }
      default -> {
        kind = TimelineKind.DELIVERY_FAILED;
        summary = "delivery to " + user + " by " + channel + " has an unknown outcome" + detail;
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("attemptId", event.getAttemptId());
    details.put("escalationEventId", event.getEscalationEventId());
    details.put("userId", user);
    details.put("contactMethodId", event.getContactMethodId());
    details.put("channel", event.getChannel().name());
    details.put("level", event.getLevel());
    details.put("tries", event.getTries());
    details.put("outcome", event.getOutcome().name());
    IncidentEventMapping.putIfPresent(details, "detail", event.getDetail());
    return new TicketEvent(
        new TimelineEntry(
            SOURCE,
            event.getEventId(),
            event.getIncidentId(),
            event.getOccurredAt(),
            kind,
            NOTIFIER,
            summary,
            details),
        new TicketChange.TimelineOnly());
  }
}
