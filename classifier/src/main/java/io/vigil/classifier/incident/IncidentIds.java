package io.vigil.classifier.incident;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Incident and event ids are derived from the alerts and commands that caused them, so reprocessing
 * the same input after a restart or rebalance yields the same ids.
 */
public final class IncidentIds {

  private IncidentIds() {}

  /** The id of the incident opened by the alert with that event id (a name-based UUID). */
  public static String incidentId(String triggeringAlertEventId) {
    return uuid("vigil-incident:" + triggeringAlertEventId);
  }

  /** The id of the incident a missed heartbeat opens; one per missed check-in. */
  public static String heartbeatIncidentId(String serviceId, String heartbeatId, long lastSeen) {
    return uuid("vigil-heartbeat:" + serviceId + "/" + heartbeatId + "/" + lastSeen);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static String opened(String incidentId) {
    return incidentId + "/opened";
  }

  public static String grouped(String incidentId, long alertCount) {
    return incidentId + "/grouped/" + alertCount;
  }

  /** The n-th acknowledgement (0-based) of the incident: {@code /acknowledged}, then /2, /3... */
  public static String acknowledged(String incidentId, int previous) {
    return incidentId + "/acknowledged" + (previous == 0 ? "" : "/" + (previous + 1));
  }

  public static String acknowledged(String incidentId) {
    return acknowledged(incidentId, 0);
  }

  /** The n-th resolution (0-based) of the incident: {@code /resolved}, then /2 after a reopen. */
  public static String resolved(String incidentId, int previous) {
    return incidentId + "/resolved" + (previous == 0 ? "" : "/" + (previous + 1));
  }

  public static String resolved(String incidentId) {
    return resolved(incidentId, 0);
  }

  public static String alertResolved(String incidentId, String alertEventId) {
    return incidentId + "/alert-resolved/" + alertEventId;
  }

  public static String reclassified(String incidentId, String causeId) {
    return incidentId + "/reclassified/" + causeId;
  }

  public static String reopened(String incidentId, String alertEventId) {
    return incidentId + "/reopened/" + alertEventId;
  }

  public static String flapping(String incidentId) {
    return incidentId + "/flapping";
  }

  public static String command(String incidentId, String commandId) {
    return incidentId + "/command/" + commandId;
  }

  public static String rejected(String incidentId, String commandId) {
    return incidentId + "/rejected/" + commandId;
  }

  public static String mergedIn(String targetIncidentId, String commandId) {
    return targetIncidentId + "/merged-in/" + commandId;
  }
}
