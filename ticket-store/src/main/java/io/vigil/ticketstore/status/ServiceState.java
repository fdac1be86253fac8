package io.vigil.ticketstore.status;

import java.util.Collection;
import java.util.Locale;

/**
 * A public service's state, worst last: an open critical incident is a major outage, an open major
 * one degrades the service, minor incidents leave it operational; an active maintenance window
 * shows maintenance unless there is a major outage.
 */
public enum ServiceState {
  OPERATIONAL,
  MAINTENANCE,
  DEGRADED,
  MAJOR_OUTAGE;

  /** The state from the classes of the service's open incidents and its maintenance windows. */
  public static ServiceState derive(boolean inMaintenance, Collection<String> openClasses) {
    boolean critical = openClasses.stream().anyMatch("CRITICAL"::equalsIgnoreCase);
    boolean major = openClasses.stream().anyMatch("MAJOR"::equalsIgnoreCase);
    if (critical) {
      return MAJOR_OUTAGE;
    }
    if (inMaintenance) {
      return MAINTENANCE;
    }
    return major ? DEGRADED : OPERATIONAL;
  }

  /** The worse of two states. */
  public ServiceState worst(ServiceState other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** As the status page spells it: {@code operational}, {@code major_outage}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
