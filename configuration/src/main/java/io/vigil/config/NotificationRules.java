package io.vigil.config;

import java.util.List;

/** A user's notification rules per urgency, each an ordered list of steps. */
public record NotificationRules(List<NotificationRule> high, List<NotificationRule> low) {

  public NotificationRules {
    high = high == null ? List.of() : List.copyOf(high);
    low = low == null ? List.of() : List.copyOf(low);
  }

  /** The rules for an urgency named {@code HIGH} or {@code LOW}. */
  public List<NotificationRule> forUrgency(String urgency) {
    return "LOW".equalsIgnoreCase(urgency) ? low : high;
  }
}
