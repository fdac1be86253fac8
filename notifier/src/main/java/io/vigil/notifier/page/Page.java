package io.vigil.notifier.page;

import java.util.List;
import java.util.Objects;

/**
 * One escalation step to deliver: which incident, at which level and round, and who is paged; it
 * always names the escalation event it came from, since attempt ids are derived from it.
 *
 * @param escalationEventId id of the {@code EscalationFired} event
 * @param incidentId the incident
 * @param serviceId the incident's service
 * @param title the incident's title
 * @param priority {@code P1}..{@code P5}
 * @param urgency high pages now, low waits
 * @param level 1-based escalation level
 * @param round 1 for the first pass, 2.. for repeats
 * @param reason why this level is paged ({@code INITIAL}, {@code TIMEOUT}, ...)
 * @param userIds the paged users, in order, without duplicates
 */
public record Page(
    String escalationEventId,
    String incidentId,
    String serviceId,
    String title,
    String priority,
    Urgency urgency,
    int level,
    int round,
    String reason,
    List<String> userIds) {

  public Page {
    Objects.requireNonNull(escalationEventId, "escalationEventId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(urgency, "urgency");
    if (escalationEventId.isBlank()) {
      throw new IllegalArgumentException("a page needs the id of its escalation event");
    }
    title = title == null ? "" : title;
    userIds = userIds == null ? List.of() : userIds.stream().distinct().toList();
  }

  /** High urgency pages now; low urgency uses the user's low-urgency rules. */
  public enum Urgency {
    HIGH,
    LOW
  }
}
