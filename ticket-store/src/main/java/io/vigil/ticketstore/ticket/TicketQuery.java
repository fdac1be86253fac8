package io.vigil.ticketstore.ticket;

import java.util.Optional;

/**
 * Which tickets a listing asks for; a limit outside 1..{@value #MAX_LIMIT} or an unknown status is
 * rejected with the reason.
 */
public record TicketQuery(Optional<TicketStatus> status, Optional<String> serviceId, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public TicketQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Builds a query from raw request parameters, any of which may be absent or blank. */
  public static TicketQuery parse(String status, String service, String limit) {
    return new TicketQuery(
        blank(status) ? Optional.empty() : Optional.of(TicketStatus.parse(status)),
        blank(service) ? Optional.empty() : Optional.of(service.trim()),
        blank(limit) ? DEFAULT_LIMIT : parseLimit(limit.trim()));
  }

  private static int parseLimit(String limit) {
    try {
      return Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "limit must be a whole number between 1 and " + MAX_LIMIT + ", got '" + limit + "'");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
