package io.vigil.ticketstore.directory;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the API may show of a secret: an integration key only as its last four characters, and a
 * webhook-style URL (webhook, Slack, Teams, whose paths and queries often are the token) only as
 * its scheme and host.
 */
public final class Masking {

  static final int VISIBLE_KEY_CHARACTERS = 4;

  private Masking() {}

  /** {@code 1111…1111} becomes {@code ****************************1111}. */
  public static String key(String key) {
    if (key == null) {
      return null;
    }
    int hidden = Math.max(key.length() - VISIBLE_KEY_CHARACTERS, 0);
    if (key.length() <= VISIBLE_KEY_CHARACTERS * 2) {
      // Too short for four characters to be a small part of it: show none.
      return "*".repeat(key.length());
    }
    return "*".repeat(hidden) + key.substring(hidden);
  }

  /**
   * {@code https://hooks.slack.com/services/T0/B0/XXXX} becomes {@code https://hooks.slack.com/…};
   * a URL without a path or query stays as it is; text that is not a URL is hidden entirely.
   */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "…";
      }
      String origin =
          uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      boolean more =
          (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath()))
              || uri.getRawQuery() != null
              || uri.getRawFragment() != null;
      return more ? origin + "/…" : origin;
    } catch (URISyntaxException e) {
      return "…";
    }
  }
}
