package io.vigil.ticketstore.console;

import io.vigil.ticketstore.command.CommandKind;
import io.vigil.ticketstore.command.CommandLog;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * What the console tells the person who sent a command: sent and waiting, applied, or rejected with
 * the classifier's reason, read from the command log the API keeps.
 */
@Singleton
public class CommandFeedback {

  private final CommandLog commands;

  public CommandFeedback(CommandLog commands) {
    this.commands = commands;
  }

  /**
   * Where a command stands, as shown: {@code state} is pending, applied, rejected or error.
   *
   * @param commandId null when the command was never sent
   */
  public record Feedback(String commandId, String state, String message) {

    public boolean pending() {
      return "pending".equals(state);
    }
  }

  /** The feedback for a command sent before. */
  public Feedback of(String commandId) {
    return commands
        .find(commandId)
        .map(
            c -> {
              String action = label(c.action());
              return switch (c.status()) {
                case PENDING ->
                    new Feedback(
                        commandId, "pending", action + " sent; waiting for Vigil to apply it…");
                case APPLIED -> new Feedback(commandId, "applied", action + " done.");
                case REJECTED ->
                    new Feedback(commandId, "rejected", action + " was rejected: " + c.reason());
              };
            })
        .orElseGet(() -> error("no command '" + commandId + "' is known"));
  }

  /** A command that could not be sent, and why. */
  public static Feedback error(String message) {
    return new Feedback(null, "error", message);
  }

  /** "Acknowledge", "Add note", ... from the command's action name. */
  static String label(String action) {
    String text;
    try {
      text =
          switch (CommandKind.valueOf(action)) {
            case ADD_NOTE -> "add note";
            case ADD_RESPONDER -> "add responder";
            case ESCALATE -> "escalate now";
            default -> action.toLowerCase(Locale.ROOT);
          };
    } catch (IllegalArgumentException e) {
      text = action.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
