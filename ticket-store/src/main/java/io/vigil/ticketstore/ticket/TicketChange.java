package io.vigil.ticketstore.ticket;

import java.time.Instant;
import java.util.Objects;

/** What one applied event does to its incident's ticket; each variant carries only what it sets. */
public sealed interface TicketChange {

  /** The incident was opened: the ticket is created with everything known at that moment. */
  record Open(
      String serviceId,
      String dedupKey,
      String title,
      String severity,
      String priority,
      String incidentClass,
      String urgency,
      String escalationPolicyId,
      Instant firstSeen)
      implements TicketChange {
    public Open {
      requireText(serviceId, "serviceId");
      requireText(dedupKey, "dedupKey");
      Objects.requireNonNull(title, "title");
      requireText(severity, "severity");
      requireText(priority, "priority");
      requireText(incidentClass, "incidentClass");
      requireText(urgency, "urgency");
      Objects.requireNonNull(firstSeen, "firstSeen");
    }
  }

  /** Another alert joined the incident: the count and the last-seen time move on. */
  record AlertsGrouped(long alertCount, Instant lastSeen) implements TicketChange {
    public AlertsGrouped {
      if (alertCount < 1) {
        throw new IllegalArgumentException("alertCount must be at least 1, got " + alertCount);
      }
      Objects.requireNonNull(lastSeen, "lastSeen");
    }
  }

  /** The incident was classified anew. */
  record Reclassify(String severity, String priority, String incidentClass, String urgency)
      implements TicketChange {
    public Reclassify {
      requireText(severity, "severity");
      requireText(priority, "priority");
      requireText(incidentClass, "incidentClass");
      requireText(urgency, "urgency");
    }
  }

  /** Somebody acknowledged the incident. */
  record Acknowledge(Instant at) implements TicketChange {
    public Acknowledge {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The incident was resolved. */
  record Resolve(Instant at) implements TicketChange {
    public Resolve {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A resolved incident fired again: it is triggered once more, unacknowledged. */
  record Reopen() implements TicketChange {}

  /** The event only adds to the timeline (a note, a page, a delivery). */
  record TimelineOnly() implements TicketChange {}

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
