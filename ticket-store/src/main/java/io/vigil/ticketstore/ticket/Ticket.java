package io.vigil.ticketstore.ticket;

import java.time.Instant;
import java.util.Objects;

/** An incident's ticket as the store holds it: the latest state after every applied event. */
public record Ticket(
    String incidentId,
    String serviceId,
    String dedupKey,
    String title,
    String severity,
    String priority,
    String incidentClass,
    String urgency,
    TicketStatus status,
    long alertCount,
    Instant firstSeen,
    Instant lastSeen,
    Instant acknowledgedAt,
    Instant resolvedAt,
    String escalationPolicyId,
    Instant updatedAt) {

  public Ticket {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(status, "status");
  }
}
