package io.vigil.notifier.notify.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The SMTP server pages are mailed through ({@code vigil.notifier.email.*}); with no host the email
 * channel is off and email steps are recorded as skipped.
 */
@ConfigurationProperties("vigil.notifier.email")
public class SmtpSettings {

  private String host = "";
  private int port = 587;
  private boolean starttls = true;
  private String username = "";
  private String password = "";
  private String from = "Vigil <vigil@localhost>";
  private Duration timeout = Duration.ofSeconds(10);

  /** Whether a server is configured. */
  public boolean isEnabled() {
    return host != null && !host.isBlank();
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public boolean isStarttls() {
    return starttls;
  }

  public void setStarttls(boolean starttls) {
    this.starttls = starttls;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
