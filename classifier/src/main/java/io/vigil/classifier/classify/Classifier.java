package io.vigil.classifier.classify;

import io.vigil.config.ClassificationRule;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Classifies an alert by the configuration's ordered rules — the first rule whose {@code when}
 * matches wins — and by its severity alone when there are no rules.
 */
public final class Classifier {

  private final List<CompiledRule> rules;

  public Classifier(List<ClassificationRule> rules) {
    this.rules = rules.stream().map(CompiledRule::new).toList();
  }

  /** The classification of an alert of {@code severity} for a service of that id and tier. */
  public Classification classify(
      Severity severity, String serviceId, int tier, Map<String, String> labels) {
    Objects.requireNonNull(severity, "severity");
    if (rules.isEmpty()) {
      return bySeverity(severity);
    }
    for (CompiledRule rule : rules) {
      if (rule.matches(severity, serviceId, tier, labels)) {
        return rule.result;
      }
    }
    // The configuration's validator requires a catch-all rule; without one, fall back to severity.
    return bySeverity(severity);
  }

  /** The classification when no rules are configured. */
  static Classification bySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> new Classification(Priority.P1, IncidentClass.CRITICAL, Urgency.HIGH);
      case ERROR -> new Classification(Priority.P2, IncidentClass.MAJOR, Urgency.HIGH);
      case WARNING -> new Classification(Priority.P3, IncidentClass.MINOR, Urgency.LOW);
      case INFO -> new Classification(Priority.P5, IncidentClass.MINOR, Urgency.LOW);
    };
  }

  /** A rule with its label matchers compiled once. */
  private static final class CompiledRule {

    private final ClassificationRule.Match when;
    private final Map<String, Predicate<String>> labels;
    private final Classification result;

    CompiledRule(ClassificationRule rule) {
      this.when = rule.when();
      this.labels =
          when.labels().entrySet().stream()
              .collect(
                  java.util.stream.Collectors.toMap(
                      Map.Entry::getKey, e -> valueMatcher(e.getValue())));
      this.result = Classification.parse(rule.priority(), rule.incidentClass(), rule.urgency());
    }

    private static Predicate<String> valueMatcher(String expected) {
      if (expected.startsWith("~")) {
        Pattern pattern = Pattern.compile(expected.substring(1));
        return actual -> pattern.matcher(actual).matches();
      }
      return expected::equals;
    }

    boolean matches(Severity severity, String serviceId, int tier, Map<String, String> actual) {
      if (when.severity() != null
          && !when.severity().equals(severity.name().toLowerCase(Locale.ROOT))) {
        return false;
      }
      if (when.tier() != null && when.tier() != tier) {
        return false;
      }
      if (when.service() != null && !when.service().equals(serviceId)) {
        return false;
      }
      for (Map.Entry<String, Predicate<String>> label : labels.entrySet()) {
        String value = actual.get(label.getKey());
        if (value == null || !label.getValue().test(value)) {
          return false;
        }
      }
      return true;
    }
  }
}
