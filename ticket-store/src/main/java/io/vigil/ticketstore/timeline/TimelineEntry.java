package io.vigil.ticketstore.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of an incident's timeline, identified by the topic it came from and its event id, so the
 * same event is recorded at most once.
 *
 * @param source the topic family the event came from, e.g. {@code incidents}
 * @param eventId the event's own id, unique within its source
 * @param incidentId the incident the line belongs to (the ticket need not exist yet)
 * @param at when it happened
 * @param kind what happened
 * @param actor who did it: a person, or the Vigil component that decided it
 * @param summary one human-readable sentence
 * @param details the structured facts behind the summary, stored as JSON
 */
public record TimelineEntry(
    String source,
    String eventId,
    String incidentId,
    Instant at,
    TimelineKind kind,
    String actor,
    String summary,
    Map<String, Object> details) {

  public TimelineEntry {
    requireText(source, "source", 32);
    requireText(eventId, "eventId", 255);
    requireText(incidentId, "incidentId", 255);
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    requireText(actor, "actor", 255);
    Objects.requireNonNull(summary, "summary");
    details = Map.copyOf(details);
  }

  private static void requireText(String value, String name, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          name + " longer than " + maxLength + " characters: " + value.substring(0, 40) + "...");
    }
  }
}
