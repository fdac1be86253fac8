package io.vigil.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.ClassificationRule;
import io.vigil.config.ClassificationRule.Match;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

  private static final Classifier EXAMPLE =
      new Classifier(
          List.of(
              rule(new Match("critical", 1, null, null), "P1", "critical", "high"),
              rule(new Match(null, null, "checkout", Map.of("env", "prod")), "P2", "major", "high"),
              rule(
                  new Match(null, null, null, Map.of("alertname", "~Disk.*Full")),
                  "P3",
                  "major",
                  "low"),
              rule(new Match("critical", null, null, null), "P2", "major", "high"),
              rule(new Match(null, null, null, null), "P4", "minor", "low")));

  @ParameterizedTest(name = "{0} on {1} (tier {2}) labels {3} -> {4} {5} {6}")
  @CsvSource(
      delimiter = '|',
      value = {
        // severity | service | tier | labels (k=v;k=v) | priority | class | urgency
        "CRITICAL | payments | 1 | | P1 | CRITICAL | HIGH",
        "CRITICAL | checkout | 2 | | P2 | MAJOR | HIGH",
        "WARNING | checkout | 2 | env=prod | P2 | MAJOR | HIGH",
        "WARNING | checkout | 2 | env=staging | P4 | MINOR | LOW",
        "WARNING | payments | 1 | env=prod | P4 | MINOR | LOW",
        "INFO | payments | 1 | alertname=DiskAlmostFull | P3 | MAJOR | LOW",
        "INFO | payments | 1 | alertname=XDiskFull | P4 | MINOR | LOW",
        "CRITICAL | payments | 2 | alertname=DiskFull | P3 | MAJOR | LOW",
        "ERROR | payments | 1 | | P4 | MINOR | LOW",
      })
  void firstMatchingRuleWins(
      Severity severity,
      String service,
      int tier,
      String labels,
      Priority priority,
      IncidentClass incidentClass,
      Urgency urgency) {
    assertThat(EXAMPLE.classify(severity, service, tier, labels(labels)))
        .isEqualTo(new Classification(priority, incidentClass, urgency));
  }

  @ParameterizedTest(name = "no rules: {0} -> {1} {2} {3}")
  @CsvSource({
    "CRITICAL, P1, CRITICAL, HIGH",
    "ERROR, P2, MAJOR, HIGH",
    "WARNING, P3, MINOR, LOW",
    "INFO, P5, MINOR, LOW"
  })
  void withoutRulesSeverityDecides(
      Severity severity, Priority priority, IncidentClass incidentClass, Urgency urgency) {
    assertThat(new Classifier(List.of()).classify(severity, "payments", 1, Map.of()))
        .isEqualTo(new Classification(priority, incidentClass, urgency));
  }

  @Test
  void aMissingLabelNeverMatchesEvenAPermissiveRegex() {
    Classifier c =
        new Classifier(
            List.of(
                rule(new Match(null, null, null, Map.of("team", "~.*")), "P1", "critical", "high"),
                rule(new Match(null, null, null, null), "P5", "minor", "low")));

    assertThat(c.classify(Severity.INFO, "payments", 1, Map.of()).priority())
        .isEqualTo(Priority.P5);
    assertThat(c.classify(Severity.INFO, "payments", 1, Map.of("team", "")).priority())
        .isEqualTo(Priority.P1);
  }

  private static ClassificationRule rule(
      Match when, String priority, String incidentClass, String urgency) {
    return new ClassificationRule(when, priority, incidentClass, urgency);
  }

  private static Map<String, String> labels(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    return java.util.Arrays.stream(text.split(";"))
        .map(pair -> pair.split("=", 2))
        .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1]));
  }
}
