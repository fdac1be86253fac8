package io.vigil.ticketstore.api;

/** A dependency (Kafka) did not answer in time; the message says what to do and becomes a 503. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
