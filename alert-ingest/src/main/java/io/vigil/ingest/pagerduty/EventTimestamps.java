package io.vigil.ingest.pagerduty;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code payload.timestamp} the way PagerDuty's examples write it: ISO-8601 with an offset as
 * {@code Z}, {@code +07:00} or {@code +0700}; without an offset the time is taken as UTC.
 */
final class EventTimestamps {

  private static final DateTimeFormatter WITH_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private EventTimestamps() {}

  /** The instant {@code text} names, or empty when it is not an ISO-8601 date-time. */
  static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      var parsed = WITH_OFFSET.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        return Optional.of(odt.toInstant());
      }
      return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
