package io.vigil.notifier.notify.teams;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long one teams POST may take before it counts as a retryable timeout ({@code
 * vigil.notifier.teams.*}).
 */
@ConfigurationProperties("vigil.notifier.teams")
public class TeamsSettings {

  private Duration timeout = Duration.ofSeconds(5);

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
