package io.vigil.ticketstore.console;

import io.vigil.schemas.CommandAction;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import java.util.function.Function;

/**
 * Plays the classifier for a test of the ticket store alone: waits for the console's command on
 * {@code vigil.incident-commands.v1} and answers it on {@code vigil.incidents.v1} as the classifier
 * would (applied, with the command id, or rejected with a reason).
 */
final class ClassifierStandIn implements AutoCloseable {

  private final KafkaStack stack;
  private final AvroTopicReader<IncidentCommand> commands;

  ClassifierStandIn(KafkaStack stack) {
    this.stack = stack;
    this.commands = stack.reader(Topics.INCIDENT_COMMANDS);
  }

  /** Waits for the incident's command of that action, answers it, and returns the command. */
  IncidentCommand answer(
      String incident, CommandAction action, Function<IncidentCommand, IncidentEvent> reply) {
    IncidentCommand command =
        commands.awaitValue(
            action + " of " + incident,
            c -> c.getIncidentId().equals(incident) && c.getAction() == action);
    stack.send(Topics.INCIDENTS, incident, reply.apply(command));
    return command;
  }

  @Override
  public void close() {
    commands.close();
  }
}
