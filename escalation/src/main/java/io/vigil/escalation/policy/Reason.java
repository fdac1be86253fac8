package io.vigil.escalation.policy;

/** Why a level is paged: the incident just opened, the previous level timed out, or a new round. */
public enum Reason {
  INITIAL,
  TIMEOUT,
  REPEAT
}
