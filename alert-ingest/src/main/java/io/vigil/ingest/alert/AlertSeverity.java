package io.vigil.ingest.alert;

/** How bad an alert is, in PagerDuty's four levels, most severe first. */
public enum AlertSeverity {
  CRITICAL,
  ERROR,
  WARNING,
  INFO
}
