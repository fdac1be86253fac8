package io.vigil.ticketstore.timeline;

/** Every kind of line a ticket's timeline can hold, named for what happened. */
public enum TimelineKind {
  OPENED,
  ALERT_GROUPED,
  RECLASSIFIED,
  ACKNOWLEDGED,
  RESOLVED,
  REOPENED,
  NOTE,
  PAGED,
  LEVEL_SKIPPED,
  ESCALATION_CANCELLED,
  /** Handed to the channel (first try under way); DELIVERED or DELIVERY_FAILED follows. */
  SENDING,
  DELIVERED,
  DELIVERY_FAILED,
  DELIVERY_SKIPPED,
  SLA_BREACHED
}
