package io.vigil.classifier.incident;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Incident and event ids are derived from the alerts that caused them, so reprocessing the same
 * alerts yields the same ids.
 */
public final class IncidentIds {

  private IncidentIds() {}

  /** The id of the incident opened by the alert with that event id (a name-based UUID). */
  public static String incidentId(String triggeringAlertEventId) {
    return UUID.nameUUIDFromBytes(
            ("vigil-incident:" + triggeringAlertEventId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public static String opened(String incidentId) {
    return incidentId + "/opened";
  }

  public static String grouped(String incidentId, long alertCount) {
    return incidentId + "/grouped/" + alertCount;
  }

  public static String acknowledged(String incidentId) {
    return incidentId + "/acknowledged";
  }

  public static String resolved(String incidentId) {
    return incidentId + "/resolved";
  }
}
