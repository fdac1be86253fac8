package io.vigil.classifier.classify;

import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Urgency;
import java.util.Locale;
import java.util.Objects;

/** How pressing an incident is: a priority (P1–P5), a class and an urgency, all three set. */
public record Classification(Priority priority, IncidentClass incidentClass, Urgency urgency) {

  public Classification {
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(incidentClass, "incidentClass");
    Objects.requireNonNull(urgency, "urgency");
  }

  /** Reads the configuration's spelling: {@code P1}, {@code critical}, {@code high}. */
  public static Classification parse(String priority, String incidentClass, String urgency) {
    return new Classification(
        Priority.valueOf(priority.toUpperCase(Locale.ROOT)),
        IncidentClass.valueOf(incidentClass.toUpperCase(Locale.ROOT)),
        Urgency.valueOf(urgency.toUpperCase(Locale.ROOT)));
  }
}
