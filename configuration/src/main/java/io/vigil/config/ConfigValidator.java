package io.vigil.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a parsed document as a whole — ids unique, every reference resolvable, every value in
 * range — and returns every problem, each prefixed with its path, in document order.
 */
final class ConfigValidator {

  private ConfigValidator() {}

  static List<String> validate(VigilConfig config) {
    List<String> problems = new ArrayList<>();
    PeopleRules people = new PeopleRules(config, problems);
    PolicyRules policies = new PolicyRules(config, problems);
    ServiceRules services = new ServiceRules(config, problems);
    people.users();
    people.teams();
    people.schedules();
    policies.policies();
    services.services();
    services.classification();
    services.sla();
    policies.acknowledgeTimeouts();
    people.webhookSecrets();
    return problems;
  }
}
