package io.vigil.ingest.pagerduty;

import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.ingest.auth.IntegrationKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the PagerDuty-shaped sample payloads and the test configuration from the classpath. */
public final class Samples {

  private Samples() {}

  public static String read(String resource) {
    try (InputStream in = Samples.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pagerDuty(String name) {
    return read("pagerduty/" + name + ".json");
  }

  public static VigilConfig config() {
    return VigilConfigLoader.parse(read("vigil-test.yaml"), "vigil-test.yaml");
  }

  public static IntegrationKeys integrationKeys() {
    return IntegrationKeys.of(config());
  }
}
