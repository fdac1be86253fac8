package io.vigil.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An ordered classification rule: when an alert matches {@code when}, its incident gets this
 * priority, class and urgency. The first matching rule wins.
 */
public record ClassificationRule(
    Match when, String priority, @JsonProperty("class") String incidentClass, String urgency) {

  public ClassificationRule {
    when = when == null ? new Match(null, null, null, null) : when;
  }

  /**
   * What a rule matches: each field set must match; unset fields match anything. Label values are
   * exact, or a regular expression when written {@code ~regex}.
   */
  public record Match(String severity, Integer tier, String service, Map<String, String> labels) {

    public Match {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
  }
}
