package io.vigil.config;

import java.time.Duration;
import java.util.List;

/**
 * Who is paged, level by level, while nobody acknowledges; the whole policy runs {@code repeat}
 * more times after its last level, an acknowledged incident still unresolved after {@code
 * acknowledgeTimeout} is paged again, and {@code repageOnHigherPriority} restarts paging when an
 * unacknowledged incident is re-classified to a higher priority.
 */
public record EscalationPolicy(
    String id,
    String name,
    int repeat,
    List<Level> levels,
    Duration acknowledgeTimeout,
    boolean repageOnHigherPriority) {

  public EscalationPolicy {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }

  /** A policy without acknowledgement timeout that does not re-page on re-classification. */
  public EscalationPolicy(String id, String name, int repeat, List<Level> levels) {
    this(id, name, repeat, levels, null, false);
  }

  /**
   * One level: its targets are paged together (or one at a time, in turn, with {@code roundRobin});
   * the next level follows after {@code escalateAfter}.
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
