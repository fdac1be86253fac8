package io.vigil.notifier.notify.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's allow-list for user-configured URLs ({@code vigil.notifier.ssrf.allow}): host
 * names, addresses or networks that may be called although they are internal.
 */
@ConfigurationProperties("vigil.notifier.ssrf")
public class SsrfSettings {

  private List<String> allow = new ArrayList<>();

  public List<String> getAllow() {
    return allow;
  }

  public void setAllow(List<String> allow) {
    this.allow = allow;
  }
}
