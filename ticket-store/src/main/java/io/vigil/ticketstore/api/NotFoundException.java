package io.vigil.ticketstore.api;

/** The thing a request names does not exist; the message names it and becomes the 404 body. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
