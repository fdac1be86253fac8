package io.vigil.notifier.page;

import java.util.Objects;

/**
 * The result of one attempt as a channel reports it: the outcome, how many tries it took (0 when
 * nothing was sent) and a detail a human can act on.
 *
 * @param outcome delivered, failed or skipped
 * @param tries sends made, retries included
 * @param detail e.g. {@code HTTP 200}, {@code HTTP 500 after 3 tries}
 */
public record Delivery(Outcome outcome, int tries, String detail) {

  public Delivery {
    Objects.requireNonNull(outcome, "outcome");
    if (tries < 0) {
      throw new IllegalArgumentException("tries must be 0 or more: " + tries);
    }
  }

  /** Nothing was sent because the channel cannot deliver yet. */
  public static Delivery skipped(String detail) {
    return new Delivery(Outcome.SKIPPED, 0, detail);
  }

  /** What became of an attempt. */
  public enum Outcome {
    DELIVERED,
    FAILED,
    SKIPPED
  }
}
