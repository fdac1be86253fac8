package io.vigil.escalation.timer;

/**
 * What a durable timer does when due: page the next step, page at the start of support hours, page
 * again when a snooze or an acknowledgement runs out, raise an SLA breach, or forget a resolved
 * incident once nobody can reopen it any more.
 */
public enum TimerKind {
  STEP,
  SUPPORT_HOURS,
  SNOOZE_END,
  ACK_TIMEOUT,
  SLA_ACKNOWLEDGE,
  SLA_RESOLVE,
  FORGET;

  /** Whether a person is owed a page when this timer fires (its cancellation is published). */
  public boolean owesPage() {
    return this == STEP || this == SUPPORT_HOURS || this == SNOOZE_END;
  }

  /** Whether someone waits on this timer, so how late it fires is worth measuring. */
  public boolean punctualityMatters() {
    return this != FORGET;
  }
}
