package io.vigil.classifier.incident;

/** Why an incident exists: one alert (and its repeats), a label group, a storm, or a heartbeat. */
public enum IncidentKind {
  ALERT,
  GROUP,
  STORM,
  HEARTBEAT
}
