package io.vigil.ticketstore.command;

import io.vigil.schemas.CommandRejected;
import io.vigil.schemas.IncidentEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The classifier's answer to one command, read from an incident event: any lifecycle event that
 * carries a {@code commandId} applied it, a {@code CommandRejected} rejected it with a reason.
 */
public record CommandOutcome(
    String commandId,
    String incidentId,
    CommandStatus status,
    String action,
    String actor,
    String reason,
    Instant at) {

  public CommandOutcome {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }

  /** The outcome the event reports, if it answers a command. */
  public static Optional<CommandOutcome> of(IncidentEvent event) {
    if (event == null || !(event.getEvent() instanceof SpecificRecord body)) {
      return Optional.empty();
    }
    if (body instanceof CommandRejected r) {
      return Optional.of(
          new CommandOutcome(
              r.getCommandId(),
              event.getIncidentId(),
              CommandStatus.REJECTED,
              r.getAction(),
              r.getActor(),
              r.getReason(),
              event.getOccurredAt()));
    }
    Schema.Field commandField = body.getSchema().getField("commandId");
    if (commandField == null || body.get(commandField.pos()) == null) {
      return Optional.empty();
    }
    Schema.Field actorField = body.getSchema().getField("actor");
    Object actor = actorField == null ? null : body.get(actorField.pos());
    return Optional.of(
        new CommandOutcome(
            body.get(commandField.pos()).toString(),
            event.getIncidentId(),
            CommandStatus.APPLIED,
            null,
            actor == null ? null : actor.toString(),
            null,
            event.getOccurredAt()));
  }
}
