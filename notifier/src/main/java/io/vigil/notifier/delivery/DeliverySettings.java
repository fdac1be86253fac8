package io.vigil.notifier.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How the notifier sends ({@code vigil.notifier.delivery.*}): concurrency overall and per
 * destination, retries, the storm-digest interval, and how long shutdown waits for sends.
 */
@ConfigurationProperties("vigil.notifier.delivery")
public class DeliverySettings {

  private int concurrency = 16;
  private int perDestination = 4;
  private int tries = 5;
  private Duration backoff = Duration.ofMillis(500);
  private Duration maxBackoff = Duration.ofSeconds(30);
  private double jitter = 0.5;
  private Duration digestInterval = Duration.ofMinutes(1);
  private Duration shutdownGrace = Duration.ofSeconds(10);

  public int getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }

  public int getPerDestination() {
    return perDestination;
  }

  public void setPerDestination(int perDestination) {
    this.perDestination = perDestination;
  }

  public int getTries() {
    return tries;
  }

  public void setTries(int tries) {
    this.tries = tries;
  }

  public Duration getBackoff() {
    return backoff;
  }

  public void setBackoff(Duration backoff) {
    this.backoff = backoff;
  }

  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  public double getJitter() {
    return jitter;
  }

  public void setJitter(double jitter) {
    this.jitter = jitter;
  }

  public Duration getDigestInterval() {
    return digestInterval;
  }

  public void setDigestInterval(Duration digestInterval) {
    this.digestInterval = digestInterval;
  }

  public Duration getShutdownGrace() {
    return shutdownGrace;
  }

  public void setShutdownGrace(Duration shutdownGrace) {
    this.shutdownGrace = shutdownGrace;
  }
}
