package io.vigil.ticketstore.command;

/** Puts a command on {@code vigil.incident-commands.v1}, returning only once the broker has it. */
public interface CommandPublisher {

  /**
   * Publishes the command keyed by its incident id.
   *
   * @throws io.vigil.ticketstore.api.UnavailableException when the broker does not acknowledge it
   */
  void publish(Command command);
}
