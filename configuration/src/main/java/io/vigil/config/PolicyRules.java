package io.vigil.config;

import java.util.List;

/**
 * Escalation policies: levels with targets that exist, timeouts where the next level needs one,
 * repeats and acknowledgement timeouts in range.
 */
final class PolicyRules extends RuleSet {

  PolicyRules(VigilConfig config, List<String> problems) {
    super(config, problems);
  }

  void policies() {
    uniqueIds("escalationPolicies", config.escalationPolicies(), EscalationPolicy::id);
    for (int i = 0; i < config.escalationPolicies().size(); i++) {
      EscalationPolicy p = config.escalationPolicies().get(i);
      String at = "escalationPolicies[" + i + "]";
      if (p.levels().isEmpty()) {
        problems.add(at + ".levels: a policy needs at least one level");
      }
      if (p.repeat() < 0 || p.repeat() > 9) {
        problems.add(at + ".repeat: must be between 0 and 9, got " + p.repeat());
      }
      for (int j = 0; j < p.levels().size(); j++) {
        level(at + ".levels[" + j + "]", p.levels().get(j), j == p.levels().size() - 1);
      }
    }
  }

  void level(String at, EscalationPolicy.Level l, boolean last) {
    if (l.targets().isEmpty()) {
      problems.add(at + ".targets: a level needs at least one target");
    }
    if (l.escalateAfter() == null && !last) {
      problems.add(at + ".escalateAfter: required on every level but the last, e.g. 5m");
    }
    if (l.escalateAfter() != null && l.escalateAfter().toSeconds() < 1) {
      problems.add(at + ".escalateAfter: must be at least 1s");
    }
    for (int k = 0; k < l.targets().size(); k++) {
      EscalationPolicy.Target t = l.targets().get(k);
      String tat = at + ".targets[" + k + "]";
      int set =
          (t.user() != null ? 1 : 0) + (t.schedule() != null ? 1 : 0) + (t.team() != null ? 1 : 0);
      if (set != 1) {
        problems.add(tat + ": name exactly one of user, schedule or team");
      } else if (t.user() != null) {
        userRef(tat + ".user", t.user());
      } else if (t.schedule() != null && config.schedule(t.schedule()).isEmpty()) {
        problems.add(tat + ".schedule: no schedule '" + t.schedule() + "'");
      } else if (t.team() != null && config.team(t.team()).isEmpty()) {
        problems.add(tat + ".team: no team '" + t.team() + "'");
      }
    }
  }

  /** An escalation policy's acknowledgement timeout, when set, is at least a minute. */
  void acknowledgeTimeouts() {
    for (int i = 0; i < config.escalationPolicies().size(); i++) {
      java.time.Duration d = config.escalationPolicies().get(i).acknowledgeTimeout();
      if (d != null && d.toSeconds() < 60) {
        problems.add(
            "escalationPolicies["
                + i
                + "].acknowledgeTimeout: must be at least 1m (e.g. 30m), got "
                + d.toSeconds()
                + "s");
      }
    }
  }
}
