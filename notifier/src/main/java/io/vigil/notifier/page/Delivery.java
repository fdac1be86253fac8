package io.vigil.notifier.page;

import java.util.Objects;

/**
 * The state of one attempt as recorded on {@code vigil.notifications.v1}: the outcome, how many
 * tries were made (0 when nothing was sent) and a detail a human can act on.
 *
 * @param outcome what became of the attempt so far
 * @param tries sends made, retries included
 * @param detail e.g. {@code HTTP 200}, {@code HTTP 500 from https://… after 3 tries}
 */
public record Delivery(Outcome outcome, int tries, String detail) {

  public Delivery {
    Objects.requireNonNull(outcome, "outcome");
    if (tries < 0) {
      throw new IllegalArgumentException("tries must be 0 or more: " + tries);
    }
  }

  /** Nothing was sent, e.g. because the channel is not configured on this notifier. */
  public static Delivery skipped(String detail) {
    return new Delivery(Outcome.SKIPPED, 0, detail);
  }

  /** Whether the attempt is over: nothing more will be sent for it. */
  public boolean isFinal() {
    return outcome != Outcome.SENT && outcome != Outcome.RETRYING;
  }

  /** What became of an attempt; the names are those of the Avro {@code DeliveryOutcome}. */
  public enum Outcome {
    /** The destination accepted it. */
    DELIVERED,
    /** Permanently refused, or still failing after the last retry. */
    FAILED,
    /** Not sent: the channel cannot deliver here. */
    SKIPPED,
    /** The notifier stopped while sending; not sent again, so nobody is paged twice. */
    UNKNOWN,
    /** Written just before the first send: the attempt is under way. */
    SENT,
    /** Not sent: folded into a storm digest. */
    SUPPRESSED,
    /** A try failed in a way worth retrying; another follows after a backoff. */
    RETRYING
  }
}
