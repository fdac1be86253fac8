package io.vigil.ticketstore.command;

import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.auth.Caller;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issues a validated human command the one way every channel (API, signed link, console) must:
 * recorded pending, put on {@code vigil.incident-commands.v1} (acks=all) — forgotten again if Kafka
 * does not take it — and only then written to the audit log.
 */
@Singleton
public class CommandIssuer {

  private final CommandLog commands;
  private final CommandPublisher publisher;
  private final AuditLog audit;

  public CommandIssuer(CommandLog commands, CommandPublisher publisher, AuditLog audit) {
    this.commands = commands;
    this.publisher = publisher;
    this.audit = audit;
  }

  /**
   * Issues {@code command} for {@code caller}, audited with the channel the caller came by and
   * {@code details} (the command id is added first).
   *
   * @param undo what the caller must roll back if Kafka refuses the command
   * @throws RuntimeException from the publisher when Kafka does not take the command
   */
  public void issue(Command command, Caller caller, Map<String, Object> details, Runnable undo) {
    commands.pending(command);
    try {
      publisher.publish(command);
    } catch (RuntimeException e) {
      commands.forget(command.commandId());
      undo.run();
      throw e;
    }
    Map<String, Object> audited = new LinkedHashMap<>();
    audited.put("commandId", command.commandId());
    audited.putAll(details);
    audit.record(caller, command.action().auditAction(), command.incidentId(), audited);
  }
}
