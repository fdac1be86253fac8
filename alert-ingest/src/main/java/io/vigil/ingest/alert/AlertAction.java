package io.vigil.ingest.alert;

/**
 * What a monitoring system reports about an alert: it fires, someone is on it, it is over, or — for
 * a dead-man's switch — the watched job checked in.
 */
public enum AlertAction {
  TRIGGER,
  ACKNOWLEDGE,
  RESOLVE,
  HEARTBEAT
}
