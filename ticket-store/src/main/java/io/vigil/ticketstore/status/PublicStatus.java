package io.vigil.ticketstore.status;

import java.util.Locale;

/**
 * Where the public is told an incident stands, in the usual status-page order: investigating,
 * identified (the cause is known), monitoring (a fix is out), resolved.
 */
public enum PublicStatus {
  INVESTIGATING,
  IDENTIFIED,
  MONITORING,
  RESOLVED;

  /** As the API spells it: {@code investigating}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label case-insensitively, or says which ones exist. */
  public static PublicStatus parse(String text) {
    if (text != null) {
      for (PublicStatus s : values()) {
        if (s.label().equalsIgnoreCase(text.trim())) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException(
        "status must be one of investigating, identified, monitoring, resolved, got '"
            + text
            + "'");
  }
}
