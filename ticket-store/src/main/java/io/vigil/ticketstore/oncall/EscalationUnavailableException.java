package io.vigil.ticketstore.oncall;

/**
 * The escalation service, which owns on-call data, could not be reached or gave no usable answer;
 * the message says where it was looked for and what to check, and becomes a 503.
 */
public class EscalationUnavailableException extends RuntimeException {

  public EscalationUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
