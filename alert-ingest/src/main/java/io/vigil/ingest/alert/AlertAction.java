package io.vigil.ingest.alert;

/** What a monitoring system reports about an alert: it fires, someone is on it, or it is over. */
public enum AlertAction {
  TRIGGER,
  ACKNOWLEDGE,
  RESOLVE
}
