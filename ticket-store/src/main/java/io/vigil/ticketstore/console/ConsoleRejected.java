package io.vigil.ticketstore.console;

/** A console request refused with a status and a sentence saying what to do. */
public class ConsoleRejected extends RuntimeException {

  private final int status;

  public ConsoleRejected(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
