package io.vigil.ticketstore.command;

import java.util.Locale;

/** The actions a person can take on an incident, each with the path segment that requests it. */
public enum CommandKind {
  ACKNOWLEDGE("acknowledge"),
  RESOLVE("resolve"),
  REASSIGN("reassign"),
  ESCALATE("escalate"),
  SNOOZE("snooze"),
  ADD_NOTE("notes"),
  ADD_RESPONDER("responders"),
  MERGE("merge");

  private final String path;

  CommandKind(String path) {
    this.path = path;
  }

  /** The last segment of {@code POST /api/v1/incidents/{id}/...}. */
  public String path() {
    return path;
  }

  /** The action as the audit log names it, e.g. {@code incident.add_note}. */
  public String auditAction() {
    return "incident." + name().toLowerCase(Locale.ROOT);
  }
}
