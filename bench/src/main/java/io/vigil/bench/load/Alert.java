package io.vigil.bench.load;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert the load generator sends, whatever the wire format: a service, a fingerprint (the dedup
 * key), labels and summary; a probe (id ≥ 0) is an alert whose page is timed.
 *
 * @param probe the probe id carried in summary and labels as {@code bench-probe-<id>}, or -1
 */
public record Alert(
    String serviceId,
    String fingerprint,
    String summary,
    Map<String, String> labels,
    long probe,
    Instant startsAt) {

  /** The token a probe's page carries, so the page clock can match it: {@code bench-probe-7}. */
  public static String probeToken(long probe) {
    return "bench-probe-" + probe;
  }

  public Alert {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(startsAt, "startsAt");
    labels = Map.copyOf(labels);
  }

  /** Whether this alert's page is timed. */
  public boolean isProbe() {
    return probe >= 0;
  }
}
