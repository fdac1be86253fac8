package io.vigil.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.config.ContactMethod;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.notifier.Fixtures.MemoryLog;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.Page;
import io.vigil.notifier.page.ScheduledStep;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryEngineTest {

  private static final VigilConfig CONFIG =
      VigilConfigLoader.parse(
          """
          apiVersion: vigil/v1
          users:
            - id: alice
              contactMethods:
                - { id: alice-hook, type: webhook, url: "https://hooks.example/alice" }
                - { id: alice-sms, type: sms, number: "+6281200000001" }
                - { id: alice-mail, type: email, address: alice@example.com }
              notificationRules:
                high: [ { contactMethod: alice-hook, after: 0s }, { contactMethod: alice-sms, after: 2m } ]
                low:  [ { contactMethod: alice-mail, after: 0s } ]
            - id: bob
              contactMethods:
                - { id: bob-hook, type: webhook, url: "https://dead.example/bob" }
              notificationRules:
                high: [ { contactMethod: bob-hook, after: 0s } ]
          """,
          "test");

  /** A channel that answers from a script per attempt id (delivered when the script is empty). */
  static final class ScriptedSender implements ChannelSender {
    final Set<ContactMethod.ContactType> types;
    final Map<String, Queue<SendResult>> script = new ConcurrentHashMap<>();
    final Queue<String> sent = new ConcurrentLinkedQueue<>();
    volatile CountDownLatch block = new CountDownLatch(0);
    final AtomicInteger running = new AtomicInteger();

    ScriptedSender(ContactMethod.ContactType... types) {
      this.types = Set.of(types);
    }

    ScriptedSender answer(String attemptId, SendResult... results) {
      script.put(attemptId, new ConcurrentLinkedQueue<>(List.of(results)));
      return this;
    }

    @Override
    public Set<ContactMethod.ContactType> types() {
      return types;
    }

    @Override
    public String destination(Attempt attempt) {
      return attempt.contactMethod().url() == null
          ? "provider"
          : attempt.contactMethod().url().split("/")[2];
    }

    @Override
    public SendResult send(Attempt attempt) {
      sent.add(attempt.id());
      if (destination(attempt).startsWith("dead")) {
        running.incrementAndGet();
        try {
          block.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Queue<SendResult> q = script.get(attempt.id());
      SendResult r = q == null ? null : q.poll();
      return r == null ? SendResult.delivered("HTTP 200") : r;
    }
  }

  private final MemoryLog log = new MemoryLog();
  private final ScriptedSender webhook = new ScriptedSender(ContactMethod.ContactType.WEBHOOK);
  private final ScriptedSender sms = new ScriptedSender(ContactMethod.ContactType.SMS);
  private DeliveryEngine engine;

  private DeliveryEngine engine(Duration digestInterval, int perDestination) {
    engine =
        new DeliveryEngine(
            new NotificationPlan(CONFIG),
            log,
            List.of(webhook, sms),
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 0.5, Math::random),
            new StormDigest(digestInterval),
            new DestinationLanes(4, perDestination),
            Clock.systemUTC(),
            Duration.ofSeconds(1));
    return engine;
  }

  @AfterEach
  void stop() {
    webhook.block.countDown();
    if (engine != null) {
      engine.close();
    }
  }

  private static Page page(String eventId, String incident, Page.Urgency urgency, String user) {
    return new Page(
        eventId, incident, "payments", "Disk full", "P1", urgency, 1, 1, "INITIAL", List.of(user));
  }

  private static ScheduledStep step(Page page, String user, String method, int index) {
    return new ScheduledStep(page, user, method, index, 0);
  }

  private void submitAndAwait(ScheduledStep step) {
    CountDownLatch done = new CountDownLatch(1);
    engine.submit(step, done::countDown);
    await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
  }

  @Test
  void retryableFailuresAreRetriedOnTheSameAttemptUntilDelivered() {
    engine(Duration.ZERO, 4);
    String id = "e1/alice/alice-hook/0";
    webhook.answer(
        id, SendResult.retryable("HTTP 503 from x"), SendResult.retryable("HTTP 429 from x"));

    submitAndAwait(step(page("e1", "i1", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(webhook.sent).containsExactly(id, id, id);
    assertThat(log.history())
        .extracting(h -> h.split(" ")[1] + " " + h.split(" ")[2])
        .containsExactly("SENT 1", "RETRYING 1", "RETRYING 2", "DELIVERED 3");
    assertThat(sms.sent).isEmpty();
  }

  @Test
  void aPermanentFailureSendsTheNextContactMethodAtOnce() {
    engine(Duration.ZERO, 4);
    webhook.answer("e2/alice/alice-hook/0", SendResult.permanent("HTTP 410 from x"));

    submitAndAwait(step(page("e2", "i2", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> log.state("e2/alice/alice-sms/1").filter(Delivery::isFinal).isPresent());
    assertThat(log.latest.get("e2/alice/alice-hook/0"))
        .isEqualTo(new Delivery(Delivery.Outcome.FAILED, 1, "HTTP 410 from x"));
    assertThat(sms.sent).containsExactly("e2/alice/alice-sms/1");
  }

  @Test
  void retriesAreBoundedAndTheLastFailureAlsoMovesOn() {
    engine(Duration.ZERO, 4);
    SendResult down = SendResult.retryable("HTTP 500 from x");
    webhook.answer("e3/alice/alice-hook/0", down, down, down);

    submitAndAwait(step(page("e3", "i3", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(log.latest.get("e3/alice/alice-hook/0"))
        .isEqualTo(new Delivery(Delivery.Outcome.FAILED, 3, "HTTP 500 from x after 3 tries"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sms.sent.contains("e3/alice/alice-sms/1"));
  }

  @Test
  void anAttemptUnderWayWhenTheNotifierStoppedIsNotSentAgainButRecordedUnknown() {
    engine(Duration.ZERO, 4);
    Page p = page("e4", "i4", Page.Urgency.HIGH, "alice");
    Attempt before =
        new NotificationPlan(CONFIG).attemptOf(step(p, "alice", "alice-hook", 0)).orElseThrow();
    log.record(before, new Delivery(Delivery.Outcome.SENT, 1, "sending"));

    submitAndAwait(step(p, "alice", "alice-hook", 0));

    assertThat(webhook.sent).isEmpty();
    assertThat(log.latest.get("e4/alice/alice-hook/0"))
        .isEqualTo(new Delivery(Delivery.Outcome.UNKNOWN, 1, DeliveryEngine.STOPPED_WHILE_SENDING));
    await().atMost(Duration.ofSeconds(10)).until(() -> sms.sent.contains("e4/alice/alice-sms/1"));
  }

  @Test
  void aFinishedAttemptIsNeverSentAgain() {
    engine(Duration.ZERO, 4);
    ScheduledStep s = step(page("e5", "i5", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0);

    submitAndAwait(s);
    submitAndAwait(s);

    assertThat(webhook.sent).containsExactly("e5/alice/alice-hook/0");
  }

  @Test
  void aChannelThatIsNotConfiguredIsRecordedAsSkipped() {
    engine(Duration.ZERO, 4);

    submitAndAwait(step(page("e6", "i6", Page.Urgency.LOW, "alice"), "alice", "alice-mail", 0));

    assertThat(log.latest.get("e6/alice/alice-mail/0"))
        .isEqualTo(
            Delivery.skipped(
                "channel email is not configured on this notifier (see notifier/README.md)"));
  }

  @Test
  void aDeadDestinationDelaysNobodyElse() {
    engine(Duration.ZERO, 1);
    webhook.block = new CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      engine.submit(
          step(page("dead-" + i, "d" + i, Page.Urgency.HIGH, "bob"), "bob", "bob-hook", 0),
          () -> {});
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> webhook.running.get() == 1);

    submitAndAwait(step(page("e7", "i7", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(log.latest.get("e7/alice/alice-hook/0").outcome())
        .isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(webhook.running.get()).as("sends to the dead destination at once").isEqualTo(1);
  }

  @Test
  void duringAStormTheRestAreSuppressedAndOneDigestFollows() {
    engine(Duration.ofMillis(300), 4);

    submitAndAwait(step(page("s1", "i1", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));
    submitAndAwait(step(page("s2", "i2", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));
    submitAndAwait(step(page("s3", "i3", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(log.latest.get("s2/alice/alice-hook/0").outcome())
        .isEqualTo(Delivery.Outcome.SUPPRESSED);
    await().atMost(Duration.ofSeconds(10)).until(() -> webhook.sent.size() == 2);
    assertThat(webhook.sent)
        .containsExactly("s1/alice/alice-hook/0", "s3/alice/alice-hook/0/digest");
  }
}
