package io.vigil.config;

import java.util.List;

/** The configuration document is unreadable or invalid; lists every problem with its path. */
public class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super("invalid configuration " + source + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Each problem as {@code path: what is wrong}, e.g. {@code services[0].escalationPolicy: ...}.
   */
  public List<String> problems() {
    return problems;
  }
}
