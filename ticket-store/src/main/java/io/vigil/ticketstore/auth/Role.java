package io.vigil.ticketstore.auth;

import java.util.Locale;

/**
 * What a token may do, each role including the ones before it: a viewer reads, a responder also
 * acts on incidents and writes reviews, an admin also manages tokens and reads the audit log.
 */
public enum Role {
  VIEWER,
  RESPONDER,
  ADMIN;

  /** Whether this role may do what {@code required} may. */
  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** The role's name as the API spells it: {@code viewer}, {@code responder}, {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a role case-insensitively, or says which ones exist. */
  public static Role parse(String text) {
    if (text != null) {
      for (Role role : values()) {
        if (role.name().equalsIgnoreCase(text.trim())) {
          return role;
        }
      }
    }
    throw new IllegalArgumentException(
        "role must be one of viewer, responder, admin, got '" + text + "'");
  }
}
