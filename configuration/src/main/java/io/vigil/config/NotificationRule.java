package io.vigil.config;

import java.time.Duration;

/**
 * One step of a user's notification rules: reach them over {@code contactMethod} this long after
 * they are paged.
 */
public record NotificationRule(String contactMethod, Duration after) {

  public NotificationRule {
    after = after == null ? Duration.ZERO : after;
  }
}
