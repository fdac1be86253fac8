package io.vigil.ticketstore.auth;

import java.util.Locale;

/**
 * How a human action reached Vigil, as the audit log records it: decided by how the caller was
 * authenticated (an API token, a signed link, a console session), never by what a request claims.
 */
public enum Via {
  /** A bearer API token on {@code /api}. */
  API,
  /** A signed action link from a page ({@code /a/{token}}). */
  LINK,
  /** A signed-in session of the web console. */
  CONSOLE;

  /** As stored and served: {@code api}, {@code link}, {@code console}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label case-insensitively, or says which ones exist. */
  public static Via parse(String text) {
    if (text != null) {
      for (Via via : values()) {
        if (via.label().equalsIgnoreCase(text.trim())) {
          return via;
        }
      }
    }
    throw new IllegalArgumentException("via must be one of api, link, console, got '" + text + "'");
  }
}
