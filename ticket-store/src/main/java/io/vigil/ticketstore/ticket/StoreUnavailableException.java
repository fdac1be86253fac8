package io.vigil.ticketstore.ticket;

/**
 * The database could not be reached or refused a statement; the event is worth retrying, unlike an
 * unreadable record.
 */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
