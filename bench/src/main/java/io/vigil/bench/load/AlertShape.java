package io.vigil.bench.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load's shape: a pool of distinct fingerprints spread evenly over services, each request a
 * batch of one service's alerts cycling through its fingerprints, and every {@code probeEvery}-th
 * alert replaced by a probe — a fresh fingerprint (so it opens an incident and pages) whose page is
 * timed. Deterministic: batch {@code n} is always the same alerts, except for probe ids.
 */
public final class AlertShape {

  private final List<String> services;
  private final int fingerprintsPerService;
  private final int batchSize;
  private final int probeEvery;
  private final AtomicLong probeIds;
  private final Supplier<Instant> clock;

  /**
   * @param services the service ids the fingerprints are spread over
   * @param fingerprints distinct fingerprints in the pool (a multiple of the service count is
   *     exact; otherwise rounded down per service, at least one each)
   * @param batchSize alerts per request
   * @param probeEvery every that many alerts one is a probe; 0 for none
   * @param probeIds where probe ids come from (shared, so ids never repeat within a run)
   * @param clock the alert's own time ({@code startsAt}); a fixed instant puts a storm in one
   *     window
   */
  public AlertShape(
      List<String> services,
      int fingerprints,
      int batchSize,
      int probeEvery,
      AtomicLong probeIds,
      Supplier<Instant> clock) {
    if (services.isEmpty()) {
      throw new IllegalArgumentException("a load shape needs at least one service");
    }
    if (batchSize < 1 || probeEvery < 0) {
      throw new IllegalArgumentException("batch size must be ≥ 1 and probeEvery ≥ 0");
    }
    this.services = List.copyOf(services);
    this.fingerprintsPerService = Math.max(1, fingerprints / services.size());
    this.batchSize = batchSize;
    this.probeEvery = probeEvery;
    this.probeIds = probeIds;
    this.clock = clock;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Distinct fingerprints in the pool (probes not counted). */
  public int fingerprints() {
    return fingerprintsPerService * services.size();
  }

  public List<String> services() {
    return services;
  }

  /** The alerts of request number {@code n} (from 0): one service's, round-robin over services. */
  public List<Alert> batch(long n) {
    int service = (int) (n % services.size());
    long cursor = n / services.size();
    Instant now = clock.get();
    List<Alert> alerts = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      long alertNumber = n * batchSize + i;
      if (probeEvery > 0 && alertNumber % probeEvery == probeEvery - 1) {
        alerts.add(probe(service, probeIds.getAndIncrement(), now));
      } else {
        int fp = (int) ((cursor * batchSize + i) % fingerprintsPerService);
        alerts.add(pooled(service, fp, now));
      }
    }
    return alerts;
  }

  private Alert pooled(int service, int fp, Instant now) {
    String serviceId = services.get(service);
    String fingerprint = serviceId + "-fp-" + fp;
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", "BenchLoad");
    labels.put("service", serviceId);
    labels.put("instance", fingerprint);
    labels.put("severity", "critical");
    return new Alert(serviceId, fingerprint, "Bench load on " + fingerprint, labels, -1, now);
  }

  private Alert probe(int service, long id, Instant now) {
    String serviceId = services.get(service);
    String token = Alert.probeToken(id);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", "BenchProbe");
    labels.put("service", serviceId);
    labels.put("probe", token);
    labels.put("severity", "critical");
    return new Alert(serviceId, token, token + " opened on " + serviceId, labels, id, now);
  }
}
