package io.vigil.ticketstore.link;

/**
 * Why a signed action link is refused, each reason with the HTTP status it answers: a malformed
 * link 400, a bad signature, unknown key or wrong purpose 403, an expired link 410.
 */
public final class LinkRejected extends RuntimeException {

  /** The reasons a link can be refused. */
  public enum Reason {
    MALFORMED(400),
    UNKNOWN_KEY(403),
    BAD_SIGNATURE(403),
    WRONG_PURPOSE(403),
    EXPIRED(410);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;

  public LinkRejected(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
