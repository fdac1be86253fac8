package io.vigil.ticketstore.command;

/** Where a command stands: sent and unanswered, applied by the classifier, or rejected by it. */
public enum CommandStatus {
  PENDING,
  APPLIED,
  REJECTED
}
