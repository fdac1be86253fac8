package io.vigil.ingest.change;

import io.vigil.schemas.ChangeEvent;
import io.vigil.schemas.Link;

/** Maps a domain {@link Change} to its Avro record on {@code vigil.changes.v1}, field for field. */
public final class ChangeEvents {

  private ChangeEvents() {}

  /** The Avro value of {@code change}. */
  public static ChangeEvent toAvro(Change change) {
    return ChangeEvent.newBuilder()
        .setEventId(change.eventId())
        .setServiceId(change.serviceId())
        .setSummary(change.summary())
        .setSource(change.source())
        .setCustomDetailsJson(change.customDetailsJson())
        .setLinks(
            change.links().stream()
                .map(l -> Link.newBuilder().setHref(l.href()).setText(l.text()).build())
                .toList())
        .setOccurredAt(change.occurredAt())
        .setReceivedAt(change.receivedAt())
        .build();
  }
}
