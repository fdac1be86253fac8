package io.vigil.ticketstore.command;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
    answeredAll(List.of(outcome));
  }

  /** Records the answers in their order in one transaction; a command's first answer is final. */
  public void answeredAll(List<CommandOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    db.transaction(
        "record the answer"
            + (outcomes.size() == 1 ? "" : "s to " + outcomes.size() + " commands, the first,")
            + " to command "
            + outcomes.get(0).commandId(),
        c -> {
          for (CommandOutcome outcome : outcomes) {
            answered(c, outcome);
          }
          return null;
        });
  }

  private static void answered(Connection c, CommandOutcome outcome) throws SQLException {
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
    if (updated == 0) {
      // Issued before this store kept commands, or by another writer: still worth knowing.
      Database.update(
          c,
          "INSERT INTO commands (command_id, incident_id, action, actor, issued_at, status,"
              + " reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          outcome.commandId(),
          outcome.incidentId(),
          outcome.action() == null ? "UNKNOWN" : outcome.action(),
          outcome.actor() == null ? "unknown" : outcome.actor(),
          outcome.at(),
          outcome.status().name(),
          outcome.reason(),
          outcome.at());
    }
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
