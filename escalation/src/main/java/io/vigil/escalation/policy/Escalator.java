package io.vigil.escalation.policy;

import io.vigil.config.EscalationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Walks an escalation policy: pages a level (one of its people in turn when the level is round
 * robin), skips at once a level that resolves to nobody, moves to the next level when one times
 * out, and starts a new round after the last level while {@code repeat} allows.
 */
public final class Escalator {

  /** How long a level without {@code escalateAfter} (and no earlier level with one) waits. */
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);

  private final TargetResolver resolver;

  public Escalator(TargetResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Whose turn it is on a round-robin level: a counter per policy and level that moves on each time
   * it is asked.
   */
  @FunctionalInterface
  public interface Turns {

    /** Turns that always start with the first person. */
    Turns FIRST_PERSON = (policyId, level) -> 0;

    /** The next turn (0, 1, 2, ...) of {@code level} of {@code policyId}. */
    long next(String policyId, int level);
  }

  /** Pages from the first level of the first round, as when an incident opens. */
  public Outcome start(EscalationPolicy policy, Instant now) {
    return pageFrom(policy, Step.FIRST, Reason.INITIAL, now, Turns.FIRST_PERSON);
  }

  /** Pages the step after {@code timedOut}, or ends the escalation when the policy is done. */
  public Outcome timeout(EscalationPolicy policy, Step timedOut, Instant now) {
    return timeout(policy, timedOut, now, Turns.FIRST_PERSON);
  }

  /** Like {@link #timeout(EscalationPolicy, Step, Instant)}, taking round-robin turns. */
  public Outcome timeout(EscalationPolicy policy, Step timedOut, Instant now, Turns turns) {
    Step next = next(policy, timedOut);
    if (next == null) {
      return new Outcome(List.of(), null);
    }
    return pageFrom(
        policy, next, next.round() > timedOut.round() ? Reason.REPEAT : Reason.TIMEOUT, now, turns);
  }

  /**
   * Pages {@code step} for {@code reason}, skipping levels that resolve to nobody; a round-robin
   * level pages only the person whose turn it is.
   */
  public Outcome pageFrom(
      EscalationPolicy policy, Step step, Reason reason, Instant now, Turns turns) {
    List<Skipped> skipped = new ArrayList<>();
    int levels = policy.levels().size();
    while (step != null && skipped.size() < levels) {
      EscalationPolicy.Level level = policy.levels().get(step.level() - 1);
      List<PagedUser> users = resolver.resolve(level, now);
      if (level.roundRobin() && users.size() > 1) {
        long turn = turns.next(policy.id(), step.level());
        users = List.of(users.get((int) Math.floorMod(turn, (long) users.size())));
      }
      Step next = next(policy, step);
      if (!users.isEmpty()) {
        Instant due = next == null ? null : now.plus(waitAfter(policy, step.level()));
        return new Outcome(skipped, new Fired(step, reason, users, due));
      }
      skipped.add(new Skipped(step, "nobody to page for " + describe(level)));
      if (next != null && next.round() > step.round()) {
        reason = Reason.REPEAT;
      }
      step = next;
    }
    return new Outcome(skipped, null);
  }

  /** The step after {@code step}: the next level, else level 1 of the next round, else none. */
  public static Step next(EscalationPolicy policy, Step step) {
    if (step.level() < policy.levels().size()) {
      return new Step(step.level() + 1, step.round());
    }
    return step.round() <= policy.repeat() ? new Step(1, step.round() + 1) : null;
  }

  /** A level's wait: its own escalateAfter, else the nearest earlier level's, else 30 minutes. */
  public static Duration waitAfter(EscalationPolicy policy, int level) {
    for (int i = Math.min(level, policy.levels().size()) - 1; i >= 0; i--) {
      Duration d = policy.levels().get(i).escalateAfter();
      if (d != null) {
        return d;
      }
    }
    return DEFAULT_WAIT;
  }

  private static String describe(EscalationPolicy.Level level) {
    return level.targets().stream()
        .map(EscalationPolicy.Target::describe)
        .collect(Collectors.joining(", "));
  }

  /** A level paged: who, why, and when the next step is due (null when there is none). */
  public record Fired(Step step, Reason reason, List<PagedUser> users, Instant nextStepDueAt) {

    public Fired {
      users = List.copyOf(users);
      if (users.isEmpty()) {
        throw new IllegalArgumentException("a fired level pages at least one person");
      }
    }
  }

  /** A level passed over because its targets resolved to nobody. */
  public record Skipped(Step step, String reason) {}

  /** What one move of the policy did: levels skipped, then the level paged (null if none). */
  public record Outcome(List<Skipped> skipped, Fired fired) {

    public Outcome {
      skipped = List.copyOf(skipped);
    }
  }
}
