package io.vigil.ticketstore.api;

/** The request would overwrite something that exists; the message says what to do instead. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
