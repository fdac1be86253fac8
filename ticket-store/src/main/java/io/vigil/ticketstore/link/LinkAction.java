package io.vigil.ticketstore.link;

import io.vigil.ticketstore.command.CommandKind;
import java.util.Optional;

/** The only purposes a signed link may have, by their wire name, and the command each issues. */
public enum LinkAction {
  ACKNOWLEDGE("acknowledge", "acknowledged", CommandKind.ACKNOWLEDGE),
  RESOLVE("resolve", "resolved", CommandKind.RESOLVE);

  private final String wire;
  private final String pastTense;
  private final CommandKind command;

  LinkAction(String wire, String pastTense, CommandKind command) {
    this.wire = wire;
    this.pastTense = pastTense;
    this.command = command;
  }

  public String wire() {
    return wire;
  }

  public String pastTense() {
    return pastTense;
  }

  public CommandKind command() {
    return command;
  }

  /** The action named {@code wire} exactly, if links may perform it. */
  public static Optional<LinkAction> fromWire(String wire) {
    for (LinkAction action : values()) {
      if (action.wire.equals(wire)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
