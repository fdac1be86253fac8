package io.vigil.classifier.maintenance;

import io.vigil.config.Service;
import java.time.Instant;
import java.util.Optional;

/** A service's maintenance windows: an alert whose own time falls in one opens no incident. */
public final class Maintenance {

  private Maintenance() {}

  /** The window active at {@code at}, if any (start inclusive, end exclusive). */
  public static Optional<Service.MaintenanceWindow> activeAt(Service service, Instant at) {
    return service.maintenance().stream()
        .filter(w -> !at.isBefore(w.start().toInstant()) && at.isBefore(w.end().toInstant()))
        .findFirst();
  }
}
