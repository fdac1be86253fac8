package io.vigil.ingest.admission;

import io.vigil.config.Service;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.auth.IntegrationKeys;
import io.vigil.ingest.auth.Signatures;
import io.vigil.ingest.pagerduty.Samples;
import io.vigil.ingest.throttle.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The test configuration's admission at a fixed time, and a sink that records or fails. */
public final class TestAdmission {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestAdmission() {}

  /** Admission over vigil-test.yaml with a default bucket of 1000 alerts; time never moves. */
  public static Admission admission() {
    return new Admission(
        IntegrationKeys.of(Samples.config()),
        new Signatures(CLOCK),
        new RateLimiter(new Service.RateLimit(1000, 1000), () -> 0L));
  }

  /** An unsigned request with this body. */
  public static Admission.Signed body(String json) {
    return new Admission.Signed(null, null, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A sink that keeps what it stores, or fails while {@link #down} is set. */
  public static final class RecordingSink implements AlertSink {

    public final List<Alert> stored = new ArrayList<>();
    public boolean down;

    @Override
    public void publish(Alert alert) throws AlertsUnavailableException {
      if (down) {
        throw new AlertsUnavailableException("Kafka is down", null);
      }
      stored.add(alert);
    }
  }
}
