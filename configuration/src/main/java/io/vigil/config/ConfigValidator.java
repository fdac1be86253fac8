package io.vigil.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a parsed document as a whole: ids unique, every reference resolvable, every value in
 * range; returns every problem, each prefixed with its path.
 */
final class ConfigValidator {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern PRIORITY = Pattern.compile("P[1-5]");
  private static final Set<String> CLASSES = Set.of("critical", "major", "minor");
  private static final Set<String> URGENCIES = Set.of("high", "low");
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
  private static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

  private final VigilConfig config;
  private final List<String> problems = new ArrayList<>();

  private ConfigValidator(VigilConfig config) {
    this.config = config;
  }

  static List<String> validate(VigilConfig config) {
    ConfigValidator v = new ConfigValidator(config);
    v.users();
    v.teams();
    v.schedules();
    v.policies();
    v.services();
    v.classification();
    v.sla();
    v.acknowledgeTimeouts();
    v.webhookSecrets();
    return v.problems;
  }

  /** Signing secrets belong to webhooks only, are at least 16 characters and at most 5. */
  private void webhookSecrets() {
    for (int i = 0; i < config.users().size(); i++) {
      List<ContactMethod> methods = config.users().get(i).contactMethods();
      for (int j = 0; j < methods.size(); j++) {
        ContactMethod c = methods.get(j);
        String at = "users[" + i + "].contactMethods[" + j + "]";
        List<String> all = c.signingSecrets();
        if (!all.isEmpty() && c.type() != ContactMethod.ContactType.WEBHOOK) {
          problems.add(at + ".secrets: only webhook contact methods are signed; remove it");
        }
        if (all.size() > 5) {
          problems.add(at + ".secrets: at most 5 secrets (old and new during a rotation)");
        }
        for (String s : all) {
          if (s.length() < 16) {
            problems.add(
                at + ".secrets: a secret needs at least 16 characters (openssl rand -hex 16)");
          }
        }
      }
    }
  }

  /** An escalation policy's acknowledgement timeout, when set, is at least a minute. */
  private void acknowledgeTimeouts() {
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

  private void users() {
    uniqueIds("users", config.users(), User::id);
    Set<String> methodIds = new HashSet<>();
    for (int i = 0; i < config.users().size(); i++) {
      User u = config.users().get(i);
      String at = "users[" + i + "]";
      zone(at + ".timeZone", u.timeZone());
      for (int j = 0; j < u.contactMethods().size(); j++) {
        contactMethod(at + ".contactMethods[" + j + "]", u.contactMethods().get(j), methodIds);
      }
      rules(at + ".notificationRules.high", u, u.notificationRules().high());
      rules(at + ".notificationRules.low", u, u.notificationRules().low());
    }
  }

  private void contactMethod(String at, ContactMethod c, Set<String> seen) {
    if (!validId(at + ".id", c.id())) {
      return;
    }
    if (!seen.add(c.id())) {
      problems.add(at + ".id: contact method '" + c.id() + "' is defined twice");
    }
    if (c.type() == null) {
      problems.add(at + ".type: required (webhook, slack, teams, email, sms or voice)");
      return;
    }
    switch (c.type()) {
      case WEBHOOK, SLACK, TEAMS -> {
        if (c.url() == null || !(c.url().startsWith("http://") || c.url().startsWith("https://"))) {
          problems.add(
              at + ".url: a " + c.type().yamlName() + " contact method needs an http(s) url");
        }
      }
      case EMAIL -> {
        if (c.address() == null || !c.address().matches("[^@\\s]+@[^@\\s]+")) {
          problems.add(
              at + ".address: an email contact method needs an address like a@example.com");
        }
      }
      case SMS, VOICE -> {
        if (c.number() == null || !E164.matcher(c.number()).matches()) {
          problems.add(
              at + ".number: '" + c.number() + "' is not an E.164 number like +6281200000001");
        }
      }
    }
  }

  private void rules(String at, User u, List<NotificationRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      NotificationRule r = rules.get(i);
      if (r.contactMethod() == null || u.contactMethod(r.contactMethod()).isEmpty()) {
        problems.add(
            at
                + "["
                + i
                + "].contactMethod: user '"
                + u.id()
                + "' has no contact method '"
                + r.contactMethod()
                + "'");
      }
      if (r.after().isNegative()) {
        problems.add(at + "[" + i + "].after: must not be negative");
      }
    }
  }

  private void teams() {
    uniqueIds("teams", config.teams(), Team::id);
    for (int i = 0; i < config.teams().size(); i++) {
      List<String> members = config.teams().get(i).members();
      for (int j = 0; j < members.size(); j++) {
        userRef("teams[" + i + "].members[" + j + "]", members.get(j));
      }
    }
  }

  private void schedules() {
    uniqueIds("schedules", config.schedules(), Schedule::id);
    for (int i = 0; i < config.schedules().size(); i++) {
      Schedule s = config.schedules().get(i);
      String at = "schedules[" + i + "]";
      zone(at + ".timeZone", s.timeZone());
      if (s.layers().isEmpty()) {
        problems.add(at + ".layers: a schedule needs at least one layer");
      }
      for (int j = 0; j < s.layers().size(); j++) {
        layer(at + ".layers[" + j + "]", s.layers().get(j));
      }
      for (int j = 0; j < s.overrides().size(); j++) {
        Schedule.Override o = s.overrides().get(j);
        String oat = at + ".overrides[" + j + "]";
        userRef(oat + ".user", o.user());
        if (o.start() == null || o.end() == null || !o.end().isAfter(o.start())) {
          problems.add(oat + ": needs start and end, with end after start");
        }
      }
    }
  }

  private void layer(String at, Schedule.Layer l) {
    if (l.start() == null) {
      problems.add(at + ".start: required, a local date-time like 2026-01-05T09:00");
    }
    if (l.shift() == null || l.shift().isZero() || l.shift().isNegative()) {
      problems.add(at + ".shift: required and positive, e.g. 1d or 1w");
    }
    if (l.users().isEmpty()) {
      problems.add(at + ".users: a layer needs at least one user");
    }
    for (int k = 0; k < l.users().size(); k++) {
      userRef(at + ".users[" + k + "]", l.users().get(k));
    }
    for (int k = 0; k < l.restrictions().size(); k++) {
      Schedule.Restriction r = l.restrictions().get(k);
      String rat = at + ".restrictions[" + k + "]";
      days(rat + ".days", r.days());
      times(rat, r.from(), r.to());
    }
  }

  private void policies() {
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

  private void level(String at, EscalationPolicy.Level l, boolean last) {
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

  private void services() {
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

  private void grouping(String at, Service.Grouping g) {
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

  private void sla() {
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

  private void positive(String at, java.time.Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      problems.add(at + ": required and positive, e.g. 5m");
    }
  }

  private void days(String at, List<String> days) {
    for (String d : days) {
      if (!DAYS.contains(d)) {
        problems.add(at + ": '" + d + "' is not one of mon, tue, wed, thu, fri, sat, sun");
      }
    }
  }

  private void times(String at, String from, String to) {
    for (String t : new String[] {from, to}) {
      if (t == null || !TIME.matcher(t).matches()) {
        problems.add(at + ": from and to must be times like 09:00 and 17:30, got '" + t + "'");
      }
    }
  }

  private void classification() {
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

  private <T> void uniqueIds(String at, List<T> items, Function<T, String> id) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String value = id.apply(items.get(i));
      if (validId(at + "[" + i + "].id", value) && !seen.add(value)) {
        problems.add(at + "[" + i + "].id: '" + value + "' is defined twice");
      }
    }
  }

  private boolean validId(String at, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(
          at + ": '" + id + "' is not a valid id (lower-case letters, digits, '.', '_', '-')");
      return false;
    }
    return true;
  }

  private void userRef(String at, String userId) {
    if (userId == null || config.user(userId).isEmpty()) {
      problems.add(at + ": no user '" + userId + "'");
    }
  }

  private void zone(String at, String zone) {
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      problems.add(at + ": '" + zone + "' is not a time zone (use e.g. Europe/Berlin or UTC)");
    }
  }
}
