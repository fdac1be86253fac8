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
import io.vigil.notifier.schedule.StepTicket;
import io.vigil.runtime.config.LiveConfig;
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
            - id: carl
              contactMethods:
                - { id: carl-hook, type: webhook, url: "https://other.example/carl" }
              notificationRules:
                high: [ { contactMethod: carl-hook, after: 0s } ]
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

  /** The scheduler's side of one hand-over: whether its task is still here, and what it heard. */
  static final class TestTicket implements StepTicket {
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicInteger nextStepNow = new AtomicInteger();
    volatile boolean owned = true;
    final long ownedSince = System.nanoTime();

    @Override
    public long ownedSince() {
      return ownedSince;
    }

    @Override
    public boolean whileOwned(Runnable action) {
      if (!owned) {
        return false;
      }
      action.run();
      return true;
    }

    @Override
    public void done() {
      done.countDown();
    }

    @Override
    public void nextStepNow() {
      nextStepNow.incrementAndGet();
    }

    boolean isDone() {
      return done.getCount() == 0;
    }
  }

  private MemoryLog log = new MemoryLog();
  private final ScriptedSender webhook = new ScriptedSender(ContactMethod.ContactType.WEBHOOK);
  private final ScriptedSender sms = new ScriptedSender(ContactMethod.ContactType.SMS);
  private DeliveryEngine engine;

  private DeliveryEngine engine(int workers, int perDestination) {
    engine =
        new DeliveryEngine(
            new NotificationPlan(LiveConfig.fixed(CONFIG)),
            log,
            List.of(webhook, sms),
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 0.5, Math::random),
            new DestinationLanes(workers, perDestination),
            Duration.ofSeconds(1),
            Duration.ofMillis(20));
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

  private TestTicket submitAndAwait(ScheduledStep step) {
    TestTicket ticket = new TestTicket();
    engine.submit(step, ticket);
    await().atMost(Duration.ofSeconds(10)).until(ticket::isDone);
    return ticket;
  }

  @Test
  void retryableFailuresAreRetriedOnTheSameAttemptUntilDelivered() {
    engine(4, 4);
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
  void aPermanentFailureAsksForTheNextRuleStepAtOnce() {
    engine(4, 4);
    webhook.answer("e2/alice/alice-hook/0", SendResult.permanent("HTTP 410 from x"));

    TestTicket ticket =
        submitAndAwait(
            step(page("e2", "i2", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(log.latest.get("e2/alice/alice-hook/0"))
        .isEqualTo(new Delivery(Delivery.Outcome.FAILED, 1, "HTTP 410 from x"));
    assertThat(ticket.nextStepNow).hasValue(1);
    assertThat(webhook.sent).containsExactly("e2/alice/alice-hook/0");
  }

  @Test
  void retriesAreBoundedAndTheLastFailureAlsoMovesOn() {
    engine(4, 4);
    SendResult down = SendResult.retryable("HTTP 500 from x");
    webhook.answer("e3/alice/alice-hook/0", down, down, down);

    TestTicket ticket =
        submitAndAwait(
            step(page("e3", "i3", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(log.latest.get("e3/alice/alice-hook/0"))
        .isEqualTo(new Delivery(Delivery.Outcome.FAILED, 3, "HTTP 500 from x after 3 tries"));
    assertThat(ticket.nextStepNow).hasValue(1);
    assertThat(webhook.sent).hasSize(3);
  }

  @Test
  void anAttemptUnderWayWhenTheNotifierStoppedIsNotSentAgainButRecordedUnknown() {
    engine(4, 4);
    Page p = page("e4", "i4", Page.Urgency.HIGH, "alice");
    Attempt before =
        new NotificationPlan(LiveConfig.fixed(CONFIG))
            .attemptOf(step(p, "alice", "alice-hook", 0))
            .orElseThrow();
    log.record(before, new Delivery(Delivery.Outcome.SENT, 1, "sending"));

    TestTicket ticket = submitAndAwait(step(p, "alice", "alice-hook", 0));

    assertThat(webhook.sent).isEmpty();
    assertThat(log.latest.get("e4/alice/alice-hook/0"))
        .isEqualTo(new Delivery(Delivery.Outcome.UNKNOWN, 1, DeliveryEngine.STOPPED_WHILE_SENDING));
    assertThat(ticket.nextStepNow).hasValue(1);
  }

  @Test
  void aFinishedAttemptIsNeverSentAgain() {
    engine(4, 4);
    ScheduledStep s = step(page("e5", "i5", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0);

    submitAndAwait(s);
    submitAndAwait(s);

    assertThat(webhook.sent).containsExactly("e5/alice/alice-hook/0");
  }

  @Test
  void aChannelThatIsNotConfiguredIsRecordedAsSkipped() {
    engine(4, 4);

    submitAndAwait(step(page("e6", "i6", Page.Urgency.LOW, "alice"), "alice", "alice-mail", 0));

    assertThat(log.latest.get("e6/alice/alice-mail/0"))
        .isEqualTo(
            Delivery.skipped(
                "channel email is not configured on this notifier (see notifier/README.md)"));
  }

  @Test
  void aDeadDestinationDelaysNobodyElse() {
    engine(4, 1);
    webhook.block = new CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      engine.submit(
          step(page("dead-" + i, "d" + i, Page.Urgency.HIGH, "bob"), "bob", "bob-hook", 0),
          new TestTicket());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> webhook.running.get() == 1);

    submitAndAwait(step(page("e7", "i7", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(log.latest.get("e7/alice/alice-hook/0").outcome())
        .isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(webhook.running.get()).as("sends to the dead destination at once").isEqualTo(1);
  }

  @Test
  void aStepFoldedIntoAStormDigestIsRecordedSuppressedAndNotSent() {
    engine(4, 4);
    String why = "storm: alice already got a webhook message in the last 1m; folded";

    submitAndAwait(
        step(page("s1", "i1", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0)
            .suppressedBecause(why));

    assertThat(webhook.sent).isEmpty();
    assertThat(log.history()).containsExactly("s1/alice/alice-hook/0 SUPPRESSED 0 " + why);
  }

  @Test
  void aStepWhoseTaskMovedToAnotherInstanceIsNotStartedHere() {
    engine(1, 1);
    TestTicket moved = new TestTicket();
    moved.owned = false;
    ScheduledStep step =
        step(page("m1", "i1", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0);

    engine.submit(step, moved);
    // One worker, one lane: once the next step is over, the first one was decided.
    submitAndAwait(step(page("m2", "i2", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0));

    assertThat(webhook.sent).containsExactly("m2/alice/alice-hook/0");
    assertThat(log.state("m1/alice/alice-hook/0")).isEmpty();
    assertThat(moved.isDone()).as("the moved task is not told it is done").isFalse();

    // Handed over again by the task's owner, it goes out once.
    submitAndAwait(step);
    assertThat(webhook.sent).containsExactly("m2/alice/alice-hook/0", "m1/alice/alice-hook/0");
  }

  @Test
  void aStateKafkaRefusedIsRecordedLaterWithoutHoldingUpOtherSends() {
    String slow = "k1/alice/alice-hook/0";
    String other = "k2/carl/carl-hook/0";
    // Kafka refuses the outcome of the first send until the second one was recorded: with one
    // worker, the second can only go out if the first is not waiting on the worker.
    log =
        new MemoryLog() {
          @Override
          public synchronized void record(Attempt attempt, Delivery delivery) {
            if (attempt.id().equals(slow)
                && delivery.outcome() == Delivery.Outcome.DELIVERED
                && !state(other).map(Delivery::isFinal).orElse(false)) {
              throw new IllegalStateException("Kafka unreachable");
            }
            super.record(attempt, delivery);
          }
        };
    engine(1, 1);

    TestTicket first = new TestTicket();
    engine.submit(
        step(page("k1", "i1", Page.Urgency.HIGH, "alice"), "alice", "alice-hook", 0), first);
    submitAndAwait(step(page("k2", "i2", Page.Urgency.HIGH, "carl"), "carl", "carl-hook", 0));
    await().atMost(Duration.ofSeconds(10)).until(first::isDone);

    assertThat(log.history())
        .extracting(h -> h.split(" ")[0] + " " + h.split(" ")[1])
        .containsExactly(
            slow + " SENT", other + " SENT", other + " DELIVERED", slow + " DELIVERED");
    assertThat(webhook.sent).containsExactly(slow, other);
  }
}
