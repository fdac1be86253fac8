package io.vigil.notifier.notify;

import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Page;
import java.util.Locale;

/**
 * The plain words every channel uses for a page, so a page reads the same on every channel; user
 * content (the title) is returned raw and each channel escapes it for its own format.
 */
public final class PageText {

  private PageText() {}

  /** {@code [P1] Disk 95% full on db-1}. */
  public static String headline(Attempt attempt) {
    Page page = attempt.page();
    return "[" + page.priority() + "] " + (page.title().isBlank() ? "(no title)" : page.title());
  }

  /** {@code payments · high urgency · level 2, round 1 · reason timeout}. */
  public static String context(Attempt attempt) {
    Page page = attempt.page();
    return page.serviceId()
        + " · "
        + page.urgency().name().toLowerCase(Locale.ROOT)
        + " urgency · level "
        + page.level()
        + ", round "
        + page.round()
        + " · "
        + page.reason().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** At most {@code max} characters, with an ellipsis when cut. */
  public static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
