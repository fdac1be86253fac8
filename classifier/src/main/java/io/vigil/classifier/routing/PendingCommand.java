package io.vigil.classifier.routing;

/**
 * A command waiting for the directory to learn of an incident it names: since when (wall clock),
 * for which incident, its place in the commands topic (to keep arrival order) and the command in
 * the topic's own serialized form.
 */
public final class PendingCommand {

  /** The store of waiting commands: {@code <awaited incident id>/<offset, 19 digits>} to these. */
  public static final String STORE = "pending-commands";

  public long heldSince;
  public String awaitedIncidentId;
  public long offset;
  public byte[] command;

  /** For the JSON serde. */
  public PendingCommand() {}

  public PendingCommand(long heldSince, String awaitedIncidentId, long offset, byte[] command) {
    this.heldSince = heldSince;
    this.awaitedIncidentId = awaitedIncidentId;
    this.offset = offset;
    this.command = command;
  }
}
