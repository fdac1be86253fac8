package io.vigil.ticketstore.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A human action on an incident as the API accepted it; each action carries exactly what it needs
 * (a note's text, a user, a snooze end in the future, a different incident to merge into), or the
 * constructor says what is missing.
 */
public record Command(
    String commandId,
    String incidentId,
    CommandKind action,
    String actor,
    Instant issuedAt,
    String note,
    String userId,
    Instant snoozeUntil,
    String targetIncidentId) {

  public static final int MAX_NOTE_LENGTH = 4000;
  public static final Duration MAX_SNOOZE = Duration.ofDays(7);

  public Command {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(issuedAt, "issuedAt");
    note = blankToNull(note);
    userId = blankToNull(userId);
    targetIncidentId = blankToNull(targetIncidentId);
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw new IllegalArgumentException(
          "note must be at most " + MAX_NOTE_LENGTH + " characters, got " + note.length());
    }
    switch (action) {
      case ADD_NOTE -> {
        if (note == null) {
          throw new IllegalArgumentException("text must not be blank: write the note");
        }
      }
      case REASSIGN, ADD_RESPONDER -> {
        if (userId == null) {
          throw new IllegalArgumentException(
              "userId must not be blank: name the user to "
                  + (action == CommandKind.REASSIGN ? "assign" : "add as responder"));
        }
      }
      case SNOOZE -> {
        if (snoozeUntil == null) {
          throw new IllegalArgumentException(
              "until must be an ISO-8601 time, e.g. 2026-03-02T11:00:00Z");
        }
        if (!snoozeUntil.isAfter(issuedAt)) {
          throw new IllegalArgumentException("until must be in the future, got " + snoozeUntil);
        }
        if (snoozeUntil.isAfter(issuedAt.plus(MAX_SNOOZE))) {
          throw new IllegalArgumentException(
              "until must be at most 7 days ahead, got " + snoozeUntil);
        }
      }
      case MERGE -> {
        if (targetIncidentId == null) {
          throw new IllegalArgumentException(
              "targetIncidentId must not be blank: name the incident to merge into");
        }
        if (targetIncidentId.equals(incidentId)) {
          throw new IllegalArgumentException("an incident cannot be merged into itself");
        }
      }
      default -> {}
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
