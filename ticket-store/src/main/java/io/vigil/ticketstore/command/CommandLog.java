package io.vigil.ticketstore.command;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code commands} table: a command is recorded PENDING before it is published, and its first
 * answer (applied or rejected) is final, so a replayed answer changes nothing.
 */
@Singleton
public class CommandLog {

  private final Database db;

  public CommandLog(Database db) {
    this.db = db;
  }

  /** A command and where it stands. */
  @Serdeable
  public record CommandRecord(
      String commandId,
      String incidentId,
      String action,
      String actor,
      Instant issuedAt,
      CommandStatus status,
      String reason,
      Instant decidedAt) {}

  /** Records a command about to be published. */
  public void pending(Command command) {
    db.update(
        "record command " + command.commandId(),
        "INSERT INTO commands (command_id, incident_id, action, actor, issued_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        command.commandId(),
        command.incidentId(),
        command.action().name(),
        command.actor(),
        command.issuedAt(),
        CommandStatus.PENDING.name());
  }

  /** Forgets a command that could not be published, so it never reads as pending. */
  public void forget(String commandId) {
    db.update(
        "forget command " + commandId,
        "DELETE FROM commands WHERE command_id = ? AND status = ?",
        commandId,
        CommandStatus.PENDING.name());
  }

  /** Records the classifier's answer unless the command was answered before. */
  public void answered(CommandOutcome outcome) {
    db.transaction(
        "record the answer to command " + outcome.commandId(),
        c -> {
          int updated =
              Database.update(
                  c,
                  "UPDATE commands SET status = ?, reason = ?, decided_at = ?"
                      + " WHERE command_id = ? AND status = ?",
                  outcome.status().name(),
                  outcome.reason(),
                  outcome.at(),
                  outcome.commandId(),
                  CommandStatus.PENDING.name());
          if (updated == 0
              && Database.query(
                      c,
                      "SELECT 1 FROM commands WHERE command_id = ?",
                      rs -> 1,
                      outcome.commandId())
                  .isEmpty()) {
            // Issued before this store kept commands, or by another writer: still worth knowing.
            Database.update(
                c,
                "INSERT INTO commands (command_id, incident_id, action, actor, issued_at, status,"
                    + " reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                outcome.commandId(),
                outcome.incidentId(),
                outcome.action() == null ? "UNKNOWN" : outcome.action(),
                outcome.actor() == null ? "unknown" : outcome.actor(),
                outcome.at(),
                outcome.status().name(),
                outcome.reason(),
                outcome.at());
          }
          return null;
        });
  }

  /** The command with that id, if it is known. */
  public Optional<CommandRecord> find(String commandId) {
    return db.queryOne(
        "read command " + commandId,
        "SELECT command_id, incident_id, action, actor, issued_at, status, reason, decided_at"
            + " FROM commands WHERE command_id = ?",
        rs ->
            new CommandRecord(
                rs.getString("command_id"),
                rs.getString("incident_id"),
                rs.getString("action"),
                rs.getString("actor"),
                Database.instant(rs, "issued_at"),
                CommandStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                Database.instant(rs, "decided_at")),
        commandId);
  }
}
