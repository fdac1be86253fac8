package io.vigil.escalation.policy;

import java.util.Objects;

/**
 * A person to page and how they were found: {@code via} is {@code schedule:ID} or {@code team:ID},
 * or null when the level names the user directly.
 */
public record PagedUser(String userId, String via) {

  public PagedUser {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
  }
}
