package io.vigil.ticketstore.change;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A deploy or other change to a service, as shown next to the incidents that followed it. */
@Serdeable
public record ServiceChange(
    String eventId,
    String serviceId,
    String summary,
    String source,
    List<String> links,
    Instant at) {

  public ServiceChange {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("eventId must not be blank");
    }
    if (serviceId == null || serviceId.isBlank()) {
      throw new IllegalArgumentException("serviceId must not be blank");
    }
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(at, "at");
    links = links == null ? List.of() : List.copyOf(links);
  }
}
