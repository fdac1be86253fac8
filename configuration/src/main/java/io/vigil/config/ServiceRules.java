package io.vigil.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Services, their integrations, grouping options, heartbeats, maintenance and support hours, the
 * classification rules and the SLA targets.
 */
final class ServiceRules extends RuleSet {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final Set<String> CLASSES = Set.of("critical", "major", "minor");
  private static final Set<String> URGENCIES = Set.of("high", "low");
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  ServiceRules(VigilConfig config, List<String> problems) {
    super(config, problems);
  }

  void services() {
    uniqueIds("services", config.services(), Service::id);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < config.services().size(); i++) {
      Service s = config.services().get(i);
      String at = "services[" + i + "]";
      if (s.tier() < 1 || s.tier() > 5) {
        problems.add(at + ".tier: must be 1 (most critical) to 5, got " + s.tier());
      }
      if (s.escalationPolicy() == null) {
        problems.add(at + ".escalationPolicy: required");
      } else if (config.escalationPolicy(s.escalationPolicy()).isEmpty()) {
        problems.add(at + ".escalationPolicy: no escalation policy '" + s.escalationPolicy() + "'");
      }
      for (int j = 0; j < s.integrations().size(); j++) {
        Service.Integration in = s.integrations().get(j);
        String iat = at + ".integrations[" + j + "]";
        if (in.type() == null) {
          problems.add(iat + ".type: required (events-v2, alertmanager or grafana)");
        }
        if (in.key() == null || !KEY.matcher(in.key()).matches()) {
          problems.add(iat + ".key: must be 32 lower-case hex characters");
        } else if (!keys.add(in.key())) {
          problems.add(iat + ".key: already used by another integration; keys must be unique");
        }
      }
      for (int j = 0; j < s.integrations().size(); j++) {
        Service.Integration in = s.integrations().get(j);
        String iat = at + ".integrations[" + j + "]";
        if (in.signingSecret() != null && in.signingSecret().length() < 16) {
          problems.add(iat + ".signingSecret: must be at least 16 characters");
        }
        if (in.rateLimit() != null
            && (in.rateLimit().perSecond() < 1 || in.rateLimit().burst() < 1)) {
          problems.add(iat + ".rateLimit: perSecond and burst must both be at least 1");
        }
      }
      grouping(at + ".grouping", s.grouping());
      uniqueIds(at + ".heartbeats", s.heartbeats(), Service.Heartbeat::id);
      for (int j = 0; j < s.heartbeats().size(); j++) {
        positive(at + ".heartbeats[" + j + "].interval", s.heartbeats().get(j).interval());
      }
      for (int j = 0; j < s.maintenance().size(); j++) {
        Service.MaintenanceWindow w = s.maintenance().get(j);
        if (w.start() == null || w.end() == null || !w.end().isAfter(w.start())) {
          problems.add(at + ".maintenance[" + j + "]: needs start and end, with end after start");
        }
      }
      if (s.supportHours() != null) {
        Service.SupportHours h = s.supportHours();
        zone(at + ".supportHours.timeZone", h.timeZone());
        days(at + ".supportHours.days", h.days());
        times(at + ".supportHours", h.from(), h.to());
      }
    }
  }

  void grouping(String at, Service.Grouping g) {
    if (g.window().isNegative()) {
      problems.add(at + ".window: must not be negative");
    }
    if (g.grace().isNegative()) {
      problems.add(at + ".grace: must not be negative");
    }
    if (g.threshold() != null) {
      if (g.threshold().count() < 1) {
        problems.add(at + ".threshold.count: must be at least 1");
      }
      positive(at + ".threshold.within", g.threshold().within());
    }
    if (g.storm() != null) {
      if (g.storm().distinctAlerts() < 1) {
        problems.add(at + ".storm.distinctAlerts: must be at least 1");
      }
      positive(at + ".storm.within", g.storm().within());
    }
    if (g.flap() != null) {
      if (g.flap().transitions() < 2) {
        problems.add(at + ".flap.transitions: must be at least 2");
      }
      positive(at + ".flap.within", g.flap().within());
    }
  }

  void classification() {
    List<ClassificationRule> rules = config.classification();
    for (int i = 0; i < rules.size(); i++) {
      ClassificationRule r = rules.get(i);
      String at = "classification[" + i + "]";
      if (r.priority() == null || !PRIORITY.matcher(r.priority()).matches()) {
        problems.add(at + ".priority: must be P1 to P5, got '" + r.priority() + "'");
      }
      if (r.incidentClass() == null || !CLASSES.contains(r.incidentClass())) {
        problems.add(
            at + ".class: must be critical, major or minor, got '" + r.incidentClass() + "'");
      }
      if (r.urgency() == null || !URGENCIES.contains(r.urgency())) {
        problems.add(at + ".urgency: must be high or low, got '" + r.urgency() + "'");
      }
      ClassificationRule.Match m = r.when();
      if (m.severity() != null && !SEVERITIES.contains(m.severity())) {
        problems.add(
            at
                + ".when.severity: must be critical, error, warning or info, got '"
                + m.severity()
                + "'");
      }
      if (m.service() != null && config.service(m.service()).isEmpty()) {
        problems.add(at + ".when.service: no service '" + m.service() + "'");
      }
      m.labels()
          .forEach(
              (label, value) -> {
                if (value.startsWith("~")) {
                  try {
                    Pattern.compile(value.substring(1));
                  } catch (PatternSyntaxException e) {
                    problems.add(
                        at
                            + ".when.labels."
                            + label
                            + ": invalid regular expression: "
                            + e.getDescription());
                  }
                }
              });
    }
    boolean hasDefault =
        rules.stream()
            .anyMatch(
                r ->
                    r.when().severity() == null
                        && r.when().tier() == null
                        && r.when().service() == null
                        && r.when().labels().isEmpty());
    if (!rules.isEmpty() && !hasDefault) {
      problems.add("classification: add a default rule with an empty 'when: {}' as the last rule");
    }
  }

  void sla() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < config.sla().size(); i++) {
      SlaTarget t = config.sla().get(i);
      String at = "sla[" + i + "]";
      if (t.priority() == null || !PRIORITY.matcher(t.priority()).matches()) {
        problems.add(at + ".priority: must be P1 to P5, got '" + t.priority() + "'");
      } else if (!seen.add(t.priority())) {
        problems.add(at + ".priority: " + t.priority() + " has targets twice");
      }
      if (t.acknowledgeWithin() == null && t.resolveWithin() == null) {
        problems.add(at + ": set acknowledgeWithin, resolveWithin or both");
      }
      if (t.acknowledgeWithin() != null) {
        positive(at + ".acknowledgeWithin", t.acknowledgeWithin());
      }
      if (t.resolveWithin() != null) {
        positive(at + ".resolveWithin", t.resolveWithin());
      }
    }
  }
}
