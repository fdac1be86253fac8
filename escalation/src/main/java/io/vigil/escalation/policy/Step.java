package io.vigil.escalation.policy;

/** A place in an escalation policy: a 1-based level in a 1-based round. */
public record Step(int level, int round) {

  public static final Step FIRST = new Step(1, 1);

  public Step {
    if (level < 1 || round < 1) {
      throw new IllegalArgumentException(
          "level and round are 1-based, got level " + level + " round " + round);
    }
  }

  /** The deterministic event id of this step for an incident: {@code <incidentId>/L<n>/R<n>}. */
  public String eventId(String incidentId) {
    return incidentId + "/L" + level + "/R" + round;
  }
}
