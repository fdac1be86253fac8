package io.vigil.notifier.link;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Where acknowledge/resolve links point and how they are signed ({@code vigil.notifier.links.*});
 * the ticket store verifies them with the same key id and key.
 */
@ConfigurationProperties("vigil.notifier.links")
public class LinkSettings {

  private String baseUrl = "http://127.0.0.1:8081";
  private String keyId = "local";
  private String signingKey = "";
  private Duration ttl = Duration.ofHours(24);

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getKeyId() {
    return keyId;
  }

  public void setKeyId(String keyId) {
    this.keyId = keyId;
  }

  public String getSigningKey() {
    return signingKey;
  }

  public void setSigningKey(String signingKey) {
    this.signingKey = signingKey;
  }

  public Duration getTtl() {
    return ttl;
  }

  public void setTtl(Duration ttl) {
    this.ttl = ttl;
  }
}
