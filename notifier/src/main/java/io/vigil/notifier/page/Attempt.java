package io.vigil.notifier.page;

import io.vigil.config.ContactMethod;
import java.util.Objects;

/**
 * One send to one person over one contact method for one page; its id is deterministic ({@code
 * <escalation event id>/<user id>/<contact method id>/<rule step index>}, plus {@code /digest} for
 * a storm digest) so a redelivered escalation maps to the same attempt and is not sent twice.
 *
 * @param page what is being delivered
 * @param userId to whom
 * @param contactMethod over what
 * @param step index of the notification rule step, 0-based
 * @param digest for a storm digest, the line saying what was folded into it; else null
 */
public record Attempt(
    Page page, String userId, ContactMethod contactMethod, int step, String digest) {

  public Attempt {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(contactMethod, "contactMethod");
    if (step < 0) {
      throw new IllegalArgumentException("rule step index must be 0 or more: " + step);
    }
  }

  /** An attempt of one rule step (not a digest). */
  public Attempt(Page page, String userId, ContactMethod contactMethod, int step) {
    this(page, userId, contactMethod, step, null);
  }

  /** The stable id of this attempt, identical on every retry and redelivery. */
  public String id() {
    String base = page.escalationEventId() + "/" + userId + "/" + contactMethod.id() + "/" + step;
    return digest == null ? base : base + "/digest";
  }

  /** Whether this is a storm digest rather than a page. */
  public boolean isDigest() {
    return digest != null;
  }
}
