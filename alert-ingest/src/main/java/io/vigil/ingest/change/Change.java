package io.vigil.ingest.change;

import io.vigil.ingest.alert.AlertLink;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to a service (a deploy, a config change) as Vigil records it: it always names its
 * service and carries a one-line summary of at most 1024 characters.
 *
 * @param eventId unique id of this accepted change
 * @param serviceId the service whose integration received it
 * @param summary what changed, for humans
 * @param source where the change happened, if given
 * @param customDetailsJson free-form details as JSON text, if given
 * @param links related links (the pull request, the pipeline run)
 * @param occurredAt when it happened as the sender reports it, else {@code receivedAt}
 * @param receivedAt when Vigil received it
 */
public record Change(
    String eventId,
    String serviceId,
    String summary,
    String source,
    String customDetailsJson,
    List<AlertLink> links,
    Instant occurredAt,
    Instant receivedAt) {

  public Change {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (serviceId == null || serviceId.isBlank()) {
      throw new IllegalArgumentException("a change needs its service");
    }
    if (summary == null || summary.isBlank() || summary.length() > 1024) {
      throw new IllegalArgumentException("a change needs a summary of 1 to 1024 characters");
    }
    links = links == null ? List.of() : List.copyOf(links);
  }
}
