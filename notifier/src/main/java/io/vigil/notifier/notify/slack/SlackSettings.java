package io.vigil.notifier.notify.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long one slack POST may take before it counts as a retryable timeout ({@code
 * vigil.notifier.slack.*}).
 */
@ConfigurationProperties("vigil.notifier.slack")
public class SlackSettings {

  private Duration timeout = Duration.ofSeconds(5);

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
