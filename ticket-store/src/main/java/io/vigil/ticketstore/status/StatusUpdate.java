package io.vigil.ticketstore.status;

import java.time.Instant;
import java.util.Objects;

/**
 * One public update of an incident as a responder posted it: a status, a message of at most {@value
 * #MAX_MESSAGE} characters and optionally a public title of at most {@value #MAX_TITLE}; the
 * constructor says what is wrong.
 */
public record StatusUpdate(
    long seq,
    String incidentId,
    PublicStatus status,
    String title,
    String message,
    String postedBy,
    Instant at) {

  public static final int MAX_MESSAGE = 2000;
  public static final int MAX_TITLE = 200;

  public StatusUpdate {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(postedBy, "postedBy");
    Objects.requireNonNull(at, "at");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException(
          "message must not be blank: write what the public should read");
    }
    message = message.strip();
    if (message.length() > MAX_MESSAGE) {
      throw new IllegalArgumentException(
          "message must be at most " + MAX_MESSAGE + " characters, got " + message.length());
    }
    title = title == null || title.isBlank() ? null : title.strip();
    if (title != null && title.length() > MAX_TITLE) {
      throw new IllegalArgumentException(
          "title must be at most " + MAX_TITLE + " characters, got " + title.length());
    }
  }
}
