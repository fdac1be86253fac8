package io.vigil.notifier.notify.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long one webhook POST may take before it counts as a retryable timeout ({@code
 * vigil.notifier.webhook.*}).
 */
@ConfigurationProperties("vigil.notifier.webhook")
public class WebhookSettings {

  private Duration timeout = Duration.ofSeconds(5);

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
