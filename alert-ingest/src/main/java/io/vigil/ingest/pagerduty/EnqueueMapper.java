package io.vigil.ingest.pagerduty;

import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertAction;
import io.vigil.ingest.alert.AlertLink;
import io.vigil.ingest.alert.AlertSeverity;
import io.vigil.ingest.alert.SourceFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a valid Events API v2 event into a Vigil {@link Alert}: a trigger without a dedup key gets
 * a fresh one, the event time is {@code payload.timestamp} or else the receive time, and component,
 * group and class are also kept as labels of those names so grouping rules can use them.
 */
public final class EnqueueMapper {

  private final Supplier<UUID> ids;

  public EnqueueMapper(Supplier<UUID> ids) {
    this.ids = ids;
  }

  /** A mapper drawing random UUIDs for event ids and generated dedup keys. */
  public static EnqueueMapper withRandomIds() {
    return new EnqueueMapper(UUID::randomUUID);
  }

  /**
   * The alert {@code request} describes; call only when {@link EnqueueValidator} found nothing.
   *
   * @param serviceId the service owning the request's routing key
   * @param receivedAt when the request arrived
   */
  public Alert toAlert(EnqueueRequest request, String serviceId, Instant receivedAt) {
    AlertAction action = AlertAction.valueOf(request.eventAction().toUpperCase(Locale.ROOT));
    String dedupKey =
        request.dedupKey() == null || request.dedupKey().isBlank()
            ? ids.get().toString().replace("-", "")
            : request.dedupKey();
    EnqueueRequest.Payload p = request.payload();
    Instant occurredAt =
        p == null ? receivedAt : EventTimestamps.parse(p.timestamp()).orElse(receivedAt);
    AlertSeverity severity =
        p == null || p.severity() == null || p.severity().isBlank()
            ? AlertSeverity.WARNING
            : AlertSeverity.valueOf(p.severity().toUpperCase(Locale.ROOT));
    Map<String, String> labels = new LinkedHashMap<>();
    if (p != null) {
      putIfPresent(labels, "component", p.component());
      putIfPresent(labels, "group", p.group());
      putIfPresent(labels, "class", p.eventClass());
    }
    return new Alert(
        ids.get().toString(),
        action,
        serviceId,
        dedupKey,
        SourceFormat.EVENTS_V2,
        severity,
        p == null ? "" : p.summary(),
        p == null ? null : p.source(),
        p == null ? null : p.component(),
        p == null ? null : p.group(),
        p == null ? null : p.eventClass(),
        labels,
        p == null || p.customDetails() == null
            ? null
            : EnqueueRequestParser.toJson(p.customDetails()),
        request.links().stream().map(l -> new AlertLink(l.href(), l.text())).toList(),
        request.client(),
        request.clientUrl(),
        occurredAt,
        receivedAt);
  }

  private static void putIfPresent(Map<String, String> labels, String name, String value) {
    if (value != null && !value.isBlank()) {
      labels.put(name, value);
    }
  }
}
