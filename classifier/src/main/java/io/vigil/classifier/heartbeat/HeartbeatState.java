package io.vigil.classifier.heartbeat;

/**
 * A heartbeat's last check-in (receive time) and the incident its silence opened, if one is open. A
 * heartbeat is watched from its first check-in on.
 */
public final class HeartbeatState {

  public String serviceId;
  public String heartbeatId;
  public long lastSeen;
  public String incidentId;

  /** For the JSON serde. */
  public HeartbeatState() {}

  public HeartbeatState(String serviceId, String heartbeatId, long lastSeen) {
    this.serviceId = serviceId;
    this.heartbeatId = heartbeatId;
    this.lastSeen = lastSeen;
  }
}
