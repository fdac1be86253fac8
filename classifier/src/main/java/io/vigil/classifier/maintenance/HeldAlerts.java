package io.vigil.classifier.maintenance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What maintenance windows kept from opening incidents, per service: every service in maintenance
 * now and every service with held alerts still retained, each alert with its count and last-seen
 * time, most recent first. Read from the {@code maintenance-held} store; never changes it.
 */
public final class HeldAlerts {

  private HeldAlerts() {}

  /** The answer of {@code GET /maintenance/held}. */
  @Serdeable
  public record Report(Instant at, List<ServiceHeld> services) {}

  /** One service: its window now (null outside maintenance) and the alerts held back. */
  @Serdeable
  public record ServiceHeld(
      String service,
      boolean inMaintenance,
      @Nullable Window window,
      long heldAlerts,
      int distinctAlerts,
      List<AlertHeld> alerts) {}

  /** A maintenance window of the configuration. */
  @Serdeable
  public record Window(Instant start, Instant end, String reason) {}

  /** One held alert: times are the alert's own, {@code heldBy} the window's reason. */
  @Serdeable
  public record AlertHeld(
      String dedupKey,
      long count,
      Instant firstSeen,
      Instant lastSeen,
      String severity,
      String summary,
      boolean firing,
      @Nullable String heldBy,
      Instant windowEnd) {}

  /**
   * The report at {@code now} under {@code document}: every service, or only {@code service} when
   * given (listed even when it holds nothing).
   */
  public static Report report(
      ReadOnlyKeyValueStore<String, HeldAlert> store,
      VigilConfig document,
      Instant now,
      Optional<String> service) {
    Map<String, List<HeldAlert>> byService = new TreeMap<>();
    try (KeyValueIterator<String, HeldAlert> it = store.all()) {
      it.forEachRemaining(
          kv -> {
            if (service.isEmpty() || service.get().equals(kv.value.serviceId)) {
              byService.computeIfAbsent(kv.value.serviceId, s -> new ArrayList<>()).add(kv.value);
            }
          });
    }
    for (Service s : document.services()) {
      boolean wanted = service.map(s.id()::equals).orElse(true);
      if (wanted && (service.isPresent() || Maintenance.activeAt(s, now).isPresent())) {
        byService.computeIfAbsent(s.id(), id -> new ArrayList<>());
      }
    }
    List<ServiceHeld> services = new ArrayList<>();
    byService.forEach((id, held) -> services.add(serviceHeld(id, document.service(id), held, now)));
    return new Report(now, services);
  }

  private static ServiceHeld serviceHeld(
      String id, Optional<Service> service, List<HeldAlert> held, Instant now) {
    Window window =
        service
            .flatMap(s -> Maintenance.activeAt(s, now))
            .map(w -> new Window(w.start().toInstant(), w.end().toInstant(), w.reason()))
            .orElse(null);
    List<AlertHeld> alerts =
        held.stream()
            .sorted(
                Comparator.comparingLong((HeldAlert h) -> h.lastSeen)
                    .reversed()
                    .thenComparing(h -> h.dedupKey))
            .map(HeldAlerts::alertHeld)
            .toList();
    long total = held.stream().mapToLong(h -> h.count).sum();
    return new ServiceHeld(id, window != null, window, total, held.size(), alerts);
  }

  private static AlertHeld alertHeld(HeldAlert h) {
    return new AlertHeld(
        h.dedupKey,
        h.count,
        Instant.ofEpochMilli(h.firstSeen),
        Instant.ofEpochMilli(h.lastSeen),
        h.severity == null ? "unknown" : h.severity.name().toLowerCase(Locale.ROOT),
        h.summary,
        h.firing,
        h.reason,
        Instant.ofEpochMilli(h.windowEnd));
  }
}
