package io.vigil.notifier.page;

import java.util.Objects;

/**
 * One notification-rule step of one page for one user, due at a fixed instant; it names the contact
 * method by id (resolved against the configuration when it is sent) and is stored as JSON while it
 * waits.
 *
 * @param page the page the step belongs to
 * @param userId the user to reach
 * @param contactMethodId the user's contact method
 * @param step index of the rule step, 0-based
 * @param dueAtMillis when to send it: the page's time plus the step's {@code after}
 */
public record ScheduledStep(
    Page page, String userId, String contactMethodId, int step, long dueAtMillis) {

  public ScheduledStep {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(contactMethodId, "contactMethodId");
  }

  /** The id of the attempt this step becomes, as {@link Attempt#id()} spells it. */
  public String attemptId() {
    return page.escalationEventId() + "/" + userId + "/" + contactMethodId + "/" + step;
  }
}
