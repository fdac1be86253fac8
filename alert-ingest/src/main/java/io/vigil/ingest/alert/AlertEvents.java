package io.vigil.ingest.alert;

import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.Link;
import io.vigil.schemas.Severity;

/** Maps a domain {@link Alert} to its Avro record on {@code vigil.alerts.v1}, field for field. */
public final class AlertEvents {

  private AlertEvents() {}

  /** The Avro value of {@code alert}. */
  public static AlertEvent toAvro(Alert alert) {
    return AlertEvent.newBuilder()
        .setEventId(alert.eventId())
        .setAction(io.vigil.schemas.AlertAction.valueOf(alert.action().name()))
        .setServiceId(alert.serviceId())
        .setDedupKey(alert.dedupKey())
        .setSourceFormat(io.vigil.schemas.SourceFormat.valueOf(alert.sourceFormat().name()))
        .setSeverity(Severity.valueOf(alert.severity().name()))
        .setSummary(alert.summary())
        .setSource(alert.source())
        .setComponent(alert.component())
        .setGroup(alert.group())
        .setAlertClass(alert.alertClass())
        .setLabels(alert.labels())
        .setCustomDetailsJson(alert.customDetailsJson())
        .setLinks(
            alert.links().stream()
                .map(l -> Link.newBuilder().setHref(l.href()).setText(l.text()).build())
                .toList())
        .setClient(alert.client())
        .setClientUrl(alert.clientUrl())
        .setOccurredAt(alert.occurredAt())
        .setReceivedAt(alert.receivedAt())
        .build();
  }
}
