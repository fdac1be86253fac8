package io.vigil.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Users, their contact methods and notification rules, teams and schedules: ids unique, references
 * resolvable, addresses, numbers, zones and times well-formed.
 */
final class PeopleRules extends RuleSet {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  PeopleRules(VigilConfig config, List<String> problems) {
    super(config, problems);
  }

  void users() {
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

  void contactMethod(String at, ContactMethod c, Set<String> seen) {
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

  void rules(String at, User u, List<NotificationRule> rules) {
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

  void teams() {
    uniqueIds("teams", config.teams(), Team::id);
    for (int i = 0; i < config.teams().size(); i++) {
      List<String> members = config.teams().get(i).members();
      for (int j = 0; j < members.size(); j++) {
        userRef("teams[" + i + "].members[" + j + "]", members.get(j));
      }
    }
  }

  void schedules() {
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

  void layer(String at, Schedule.Layer l) {
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

  /** Signing secrets belong to webhooks only, are at least 16 characters and at most 5. */
  void webhookSecrets() {
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
}
