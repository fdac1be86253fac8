package io.vigil.notifier.page;

import java.util.Objects;

/**
 * One notification-rule step of one page for one user, due at a fixed instant; it names the contact
 * method by id (resolved against the configuration when it is sent) and is stored as JSON while it
 * waits. A step folded into a storm digest carries why it is not sent; a digest carries its line.
 *
 * @param page the page the step belongs to
 * @param userId the user to reach
 * @param contactMethodId the user's contact method
 * @param step index of the rule step, 0-based
 * @param dueAtMillis when to send it: the page's time plus the step's {@code after}
 * @param digest for a storm digest, what was folded into it ({@code and 12 more incidents on
 *     payments}); else null
 * @param suppressed for a step folded into a storm digest, why it is not sent; else null
 */
public record ScheduledStep(
    Page page,
    String userId,
    String contactMethodId,
    int step,
    long dueAtMillis,
    String digest,
    String suppressed) {

  public ScheduledStep {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(contactMethodId, "contactMethodId");
  }

  /** A step of a user's notification rules, to be sent. */
  public ScheduledStep(
      Page page, String userId, String contactMethodId, int step, long dueAtMillis) {
    this(page, userId, contactMethodId, step, dueAtMillis, null, null);
  }

  /** The id of the attempt this step becomes, as {@link Attempt#id()} spells it. */
  public String attemptId() {
    String base = page.escalationEventId() + "/" + userId + "/" + contactMethodId + "/" + step;
    return digest == null ? base : base + "/digest";
  }

  /** This step, not to be sent because {@code why}. */
  public ScheduledStep suppressedBecause(String why) {
    return new ScheduledStep(page, userId, contactMethodId, step, dueAtMillis, digest, why);
  }

  /** The storm digest that stands in for this (the latest folded) step, due at {@code atMillis}. */
  public ScheduledStep asDigest(String line, long atMillis) {
    return new ScheduledStep(page, userId, contactMethodId, step, atMillis, line, null);
  }
}
