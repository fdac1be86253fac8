package io.vigil.classifier.incident;

import java.util.Objects;

/**
 * What the classifier remembers about the one open incident of a (service, dedup key): its id, how
 * many alerts it holds (at least one) and whether it was acknowledged.
 */
public record OpenIncident(String incidentId, long alertCount, boolean acknowledged) {

  public OpenIncident {
    Objects.requireNonNull(incidentId, "incidentId");
    if (incidentId.isBlank()) {
      throw new IllegalArgumentException("incidentId must not be blank");
    }
    if (alertCount < 1) {
      throw new IllegalArgumentException("alertCount must be at least 1, got " + alertCount);
    }
  }

  /** The same incident holding one more alert. */
  public OpenIncident grouped() {
    return new OpenIncident(incidentId, alertCount + 1, acknowledged);
  }

  /** The same incident, acknowledged. */
  public OpenIncident acknowledge() {
    return new OpenIncident(incidentId, alertCount, true);
  }
}
