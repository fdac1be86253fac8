package io.vigil.notifier.schedule;

import io.vigil.notifier.page.ScheduledStep;

/**
 * What the incident-keyed step scheduler sends, keyed by user id, to the user-keyed hand-over: a
 * step that is due, or word that an incident was acknowledged, resolved or its escalation cancelled
 * (so the user's failed steps no longer bring the next one forward). Stored as JSON.
 *
 * @param step a due step, or null
 * @param closedIncidentId the incident that closed, or null
 */
public record Handover(ScheduledStep step, String closedIncidentId) {

  static Handover of(ScheduledStep step) {
    return new Handover(step, null);
  }

  static Handover closed(String incidentId) {
    return new Handover(null, incidentId);
  }
}
