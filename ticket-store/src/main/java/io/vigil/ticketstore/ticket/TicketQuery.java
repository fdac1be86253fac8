package io.vigil.ticketstore.ticket;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which tickets a listing asks for (status, service, priority, detection time range, text in the
 * title, sort, cursor) and how many; a limit outside 1..{@value #MAX_LIMIT} or any unknown value is
 * rejected with the reason.
 */
public record TicketQuery(
    Optional<TicketStatus> status,
    Optional<String> serviceId,
    int limit,
    Optional<String> priority,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> text,
    TicketSort sort,
    Optional<TicketCursor> cursor) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  public static final int MAX_TEXT = 200;

  public TicketQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException(
          "from must be before to, got from " + from.get() + " and to " + to.get());
    }
  }

  /** Status, service and limit only, newest first. */
  public TicketQuery(Optional<TicketStatus> status, Optional<String> serviceId, int limit) {
    this(
        status,
        serviceId,
        limit,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TicketSort.NEWEST,
        Optional.empty());
  }

  /** Builds a query from raw request parameters, any of which may be absent or blank. */
  public static TicketQuery parse(String status, String service, String limit) {
    return parse(status, service, limit, null, null, null, null, null, null);
  }

  /** Builds a query from raw request parameters, any of which may be absent or blank. */
  public static TicketQuery parse(
      String status,
      String service,
      String limit,
      String priority,
      String from,
      String to,
      String text,
      String sort,
      String cursor) {
    TicketSort order = blank(sort) ? TicketSort.NEWEST : TicketSort.parse(sort);
    return new TicketQuery(
        blank(status) ? Optional.empty() : Optional.of(TicketStatus.parse(status)),
        blank(service) ? Optional.empty() : Optional.of(service.trim()),
        blank(limit) ? DEFAULT_LIMIT : parseLimit(limit.trim()),
        blank(priority) ? Optional.empty() : Optional.of(parsePriority(priority)),
        blank(from) ? Optional.empty() : Optional.of(parseTime("from", from)),
        blank(to) ? Optional.empty() : Optional.of(parseTime("to", to)),
        blank(text) ? Optional.empty() : Optional.of(parseText(text)),
        order,
        blank(cursor) ? Optional.empty() : Optional.of(TicketCursor.decode(cursor, order)));
  }

  private static int parseLimit(String limit) {
    try {
      return Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "limit must be a whole number between 1 and " + MAX_LIMIT + ", got '" + limit + "'");
    }
  }

  private static String parsePriority(String priority) {
    String p = priority.trim().toUpperCase(Locale.ROOT);
    if (!p.matches("P[1-5]")) {
      throw new IllegalArgumentException(
          "priority must be one of P1, P2, P3, P4, P5, got '" + priority + "'");
    }
    return p;
  }

  private static Instant parseTime(String name, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 UTC time like 2026-03-01T00:00:00Z, got '" + value + "'");
    }
  }

  private static String parseText(String text) {
    String q = text.trim();
    if (q.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "q must be at most " + MAX_TEXT + " characters, got " + q.length());
    }
    return q;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
