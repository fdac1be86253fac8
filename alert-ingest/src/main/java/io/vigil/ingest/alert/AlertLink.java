package io.vigil.ingest.alert;

import java.util.Objects;

/**
 * A link attached to an alert; it always has a target, the text is optional.
 *
 * @param href the URL
 * @param text what to show instead of the URL, or null
 */
public record AlertLink(String href, String text) {

  public AlertLink {
    Objects.requireNonNull(href, "href");
    if (href.isBlank()) {
      throw new IllegalArgumentException("a link needs an href");
    }
  }
}
