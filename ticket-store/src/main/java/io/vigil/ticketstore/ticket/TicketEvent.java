package io.vigil.ticketstore.ticket;

import io.vigil.ticketstore.timeline.TimelineEntry;
import java.util.Objects;

/**
 * One event as the ticket store applies it: the timeline line it adds and the change it makes to
 * the ticket, both keyed by the same event id.
 */
public record TicketEvent(TimelineEntry entry, TicketChange change) {

  public TicketEvent {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(change, "change");
  }

  public String incidentId() {
    return entry.incidentId();
  }
}
