package io.vigil.bench.scenario;

import io.vigil.bench.page.PageClock;
import java.util.Set;

/** Waits until pages stop: no new page for a set of services for a few seconds. */
public final class Quiet {

  private Quiet() {}

  /** Returns once no page for {@code services} arrived for {@code quietSeconds} (at most 120 s). */
  public static void awaitQuietPages(PageClock pages, Set<String> services, int quietSeconds)
      throws InterruptedException {
    long seen = pages.pagesOf(services);
    long quietSince = System.nanoTime();
    long deadline = quietSince + 120_000_000_000L;
    while (System.nanoTime() - quietSince < quietSeconds * 1_000_000_000L
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      long now = pages.pagesOf(services);
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      }
    }
  }
}
