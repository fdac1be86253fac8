package io.vigil.ticketstore.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three states a ticket can be in; anything else is rejected with the list of valid ones. */
public enum TicketStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED;

  /** Parses a status case-insensitively, or explains which values are accepted. */
  public static TicketStatus parse(String text) {
    for (TicketStatus status : values()) {
      if (status.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "status must be one of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
  }
}
