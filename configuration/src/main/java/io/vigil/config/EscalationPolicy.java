package io.vigil.config;

import java.time.Duration;
import java.util.List;

/**
 * Who is paged, level by level, while nobody acknowledges; the whole policy runs {@code repeat}
 * more times after its last level.
 */
public record EscalationPolicy(String id, String name, int repeat, List<Level> levels) {

  public EscalationPolicy {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }

  /**
   * One level: its targets are paged together; the next level follows after {@code escalateAfter}.
   */
  public record Level(List<Target> targets, Duration escalateAfter, boolean roundRobin) {

    public Level {
      targets = targets == null ? List.of() : List.copyOf(targets);
    }
  }

  /** A user, a schedule's current on-call, or a team: exactly one of the three is set. */
  public record Target(String user, String schedule, String team) {

    /** {@code user:ID}, {@code schedule:ID} or {@code team:ID}. */
    public String describe() {
      if (user != null) {
        return "user:" + user;
      }
      return schedule != null ? "schedule:" + schedule : "team:" + team;
    }
  }
}
