package io.vigil.ticketstore.ticket;

import java.util.Locale;

/** The orders an incident listing can come in; ties always break by incident id. */
public enum TicketSort {
  /** Latest detected first (the default). */
  NEWEST,
  /** Earliest detected first. */
  OLDEST,
  /** P1 first, then latest detected first. */
  PRIORITY;

  /** Parses a sort name case-insensitively, or says which ones exist. */
  public static TicketSort parse(String text) {
    for (TicketSort sort : values()) {
      if (sort.name().equalsIgnoreCase(text.trim())) {
        return sort;
      }
    }
    throw new IllegalArgumentException(
        "sort must be one of newest, oldest, priority, got '" + text + "'");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
