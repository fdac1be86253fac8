package io.vigil.notifier.notify.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The Twilio-compatible REST API that sends SMS and places voice calls ({@code
 * vigil.notifier.sms.*}); with no base URL the SMS and voice channels are off and their steps are
 * recorded as skipped.
 */
@ConfigurationProperties("vigil.notifier.sms")
public class SmsSettings {

  private String baseUrl = "";
  private String accountSid = "";
  private String authToken = "";
  private String from = "";
  private Duration timeout = Duration.ofSeconds(10);

  /** Whether a provider is configured. */
  public boolean isEnabled() {
    return baseUrl != null && !baseUrl.isBlank();
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getAccountSid() {
    return accountSid;
  }

  public void setAccountSid(String accountSid) {
    this.accountSid = accountSid;
  }

  public String getAuthToken() {
    return authToken;
  }

  public void setAuthToken(String authToken) {
    this.authToken = authToken;
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
