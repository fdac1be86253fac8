package io.vigil.classifier.incident;

/**
 * Where an incident stands: open while triggered, acknowledged or snoozed; closed once resolved or
 * merged into another incident.
 */
public enum IncidentStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  SNOOZED,
  RESOLVED,
  MERGED;

  /** Whether the incident is still open (anything but resolved or merged). */
  public boolean open() {
    return this != RESOLVED && this != MERGED;
  }
}
