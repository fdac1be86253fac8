package io.vigil.ticketstore.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a listing starts: the sort keys of the last ticket served, as an opaque
 * URL-safe token that is only valid with the sort it was made for.
 */
public record TicketCursor(TicketSort sort, String priority, Instant firstSeen, String incidentId) {

  public TicketCursor {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(incidentId, "incidentId");
  }

  /** The cursor after {@code last}. */
  public static TicketCursor after(TicketSort sort, Ticket last) {
    return new TicketCursor(
        sort, last.priority() == null ? "" : last.priority(), last.firstSeen(), last.incidentId());
  }

  public String encode() {
    String text = sort.name() + "|" + priority + "|" + firstSeen + "|" + incidentId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor from a previous page, or explains that it is not one. */
  public static TicketCursor decode(String token, TicketSort expected) {
    TicketCursor cursor;
    try {
      String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|", 4);
      cursor =
          new TicketCursor(
              TicketSort.valueOf(parts[0]), parts[1], Instant.parse(parts[2]), parts[3]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cursor is not one this API gave out; pass nextCursor from the previous page as is");
    }
    if (cursor.sort() != expected) {
      throw new IllegalArgumentException(
          "cursor was made for sort="
              + cursor.sort().label()
              + "; ask for the next page with the same sort");
    }
    return cursor;
  }
}
