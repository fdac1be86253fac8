package io.vigil.config;

import java.util.Objects;

/**
 * One separately stored piece of a {@code vigil/v1} document: a user, team, schedule, escalation
 * policy or service by its id, or the ordered classification rules or SLA targets as a whole, each
 * as the JSON its author wrote.
 */
public record ConfigEntry(Kind kind, String id, String json) {

  /** What a piece is, named by the document field that holds it. */
  public enum Kind {
    USER("users", true),
    TEAM("teams", true),
    SCHEDULE("schedules", true),
    ESCALATION_POLICY("escalationPolicies", true),
    SERVICE("services", true),
    CLASSIFICATION("classification", false),
    SLA_TARGETS("sla", false);

    private final String field;
    private final boolean byId;

    Kind(String field, boolean byId) {
      this.field = field;
      this.byId = byId;
    }

    /** The top-level field of the document this kind lives in. */
    public String field() {
      return field;
    }

    /** True when each list item is its own entry; false when the list is one entry. */
    public boolean byId() {
      return byId;
    }
  }

  /** The id of the single entry holding a whole list ({@link Kind#byId()} false). */
  public static final String WHOLE_LIST = "all";

  public ConfigEntry {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a configuration entry needs an id");
    }
    Objects.requireNonNull(json, "json");
  }

  /** The key the entry is stored under: {@code kind/id}, e.g. {@code SERVICE/payments}. */
  public String key() {
    return kind.name() + "/" + id;
  }
}
