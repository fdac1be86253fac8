package io.vigil.escalation.policy;

/**
 * Why a level is paged: the incident opened, the previous level timed out, a new round, a human
 * asked (escalate now, reassign), an acknowledgement ran out, a snooze ended, support hours began,
 * or the incident was re-classified to a higher priority.
 */
public enum Reason {
  INITIAL,
  TIMEOUT,
  REPEAT,
  MANUAL,
  REASSIGNED,
  RECLASSIFIED,
  ACK_TIMEOUT,
  SNOOZE_ENDED,
  SUPPORT_HOURS
}
