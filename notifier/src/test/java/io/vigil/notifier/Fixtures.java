package io.vigil.notifier;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.http.HttpDelivery;
import io.vigil.notifier.notify.http.PinnedHttp;
import io.vigil.notifier.notify.http.SsrfGuard;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.notifier.page.DeliveryLog;
import io.vigil.notifier.page.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/** Shared test values: a page, fixed-clock action links, an in-memory delivery log. */
public final class Fixtures {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);

  public static final String LINK_KEY = "test-link-signing-key-0123456789abcdef";

  public static final ActionLinks LINKS =
      new ActionLinks("https://vigil.example", "k1", LINK_KEY, Duration.ofHours(24), CLOCK);

  private Fixtures() {}

  /** HTTP delivery through the SSRF guard with {@code allow} and the JDK's default trust. */
  public static HttpDelivery http(List<String> allow) {
    try {
      return new HttpDelivery(new PinnedHttp(SSLContext.getDefault()), new SsrfGuard(allow));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has a default TLS context", e);
    }
  }

  public static Page page(String eventId, String title) {
    return new Page(
        eventId,
        "inc-7",
        "payments",
        title,
        "P1",
        Page.Urgency.HIGH,
        2,
        1,
        "TIMEOUT",
        List.of("alice"));
  }

  public static Attempt attempt(ContactMethod method) {
    return new Attempt(page("esc-1", "Disk 95% full on db-1"), "alice", method, 0);
  }

  /** An in-memory stand-in for vigil.notifications.v1, keeping every state in order. */
  public static class MemoryLog implements DeliveryLog {
    public final Map<String, Delivery> latest = new ConcurrentHashMap<>();
    public final List<String> history = new ArrayList<>();

    @Override
    public Optional<Delivery> state(String attemptId, long instant) {
      return state(attemptId);
    }

    public Optional<Delivery> state(String attemptId) {
      return Optional.ofNullable(latest.get(attemptId));
    }

    @Override
    public synchronized void record(Attempt attempt, Delivery delivery) {
      latest.put(attempt.id(), delivery);
      history.add(
          attempt.id()
              + " "
              + delivery.outcome()
              + " "
              + delivery.tries()
              + " "
              + delivery.detail());
    }

    public synchronized List<String> history() {
      return List.copyOf(history);
    }
  }
}
