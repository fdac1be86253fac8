package io.vigil.notifier.delivery;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Delivery;
import io.vigil.notifier.page.Delivery.Outcome;
import io.vigil.notifier.page.DeliveryLog;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.notifier.schedule.StepHandoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each attempt at most once: an attempt already recorded is never sent again, one recorded as
 * under way when the notifier stopped becomes UNKNOWN (not resent); otherwise SENT is recorded
 * durably before the first try, retryable failures are retried with backoff and jitter, and a
 * permanent failure (or the last retry) sends the user's next contact method at once.
 */
public final class DeliveryEngine implements StepHandoff, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
  private static final Duration RECORD_RETRY = Duration.ofSeconds(1);
  static final String STOPPED_WHILE_SENDING =
      "the notifier stopped while this was being sent; not sent again so nobody is paged twice";

  private final NotificationPlan plan;
  private final DeliveryLog log;
  private final Map<ContactMethod.ContactType, ChannelSender> senders;
  private final RetryPolicy retry;
  private final StormDigest digest;
  private final DestinationLanes lanes;
  private final Clock clock;
  private final long graceMillis;
  private final ScheduledExecutorService timers;
  private final Map<String, List<Runnable>> inFlight = new HashMap<>();
  private final Set<String> closedIncidents =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > 10_000;
                }
              }));

  public DeliveryEngine(
      NotificationPlan plan,
      DeliveryLog log,
      List<ChannelSender> senders,
      RetryPolicy retry,
      StormDigest digest,
      DestinationLanes lanes,
      Clock clock,
      Duration shutdownGrace) {
    this.plan = plan;
    this.log = log;
    this.senders = new EnumMap<>(ContactMethod.ContactType.class);
    senders.forEach(s -> s.types().forEach(t -> this.senders.put(t, s)));
    this.retry = retry;
    this.digest = digest;
    this.lanes = lanes;
    this.clock = clock;
    this.graceMillis = shutdownGrace.toMillis();
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "notifier-timers");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void submit(ScheduledStep step, Runnable onDone) {
    plan.attemptOf(step).ifPresentOrElse(a -> begin(a, onDone), onDone);
  }

  @Override
  public void incidentClosed(String incidentId) {
    closedIncidents.add(incidentId);
  }

  /**
   * Starts {@code attempt} unless it is already under way here, without waiting for it; {@code
   * onDone} runs once it is over.
   */
  public void begin(Attempt attempt, Runnable onDone) {
    synchronized (inFlight) {
      List<Runnable> waiting = inFlight.get(attempt.id());
      if (waiting != null) {
        waiting.add(onDone);
        return;
      }
      inFlight.put(attempt.id(), new ArrayList<>(List.of(onDone)));
    }
    lanes.submit(destinationOf(attempt), () -> startOrRetry(attempt));
  }

  private String destinationOf(Attempt attempt) {
    ChannelSender sender = senders.get(attempt.contactMethod().type());
    return sender == null ? "unconfigured" : sender.destination(attempt);
  }

  private void startOrRetry(Attempt attempt) {
    try {
      start(attempt);
    } catch (RuntimeException e) {
      LOG.warn("cannot start attempt {} ({}); trying again in {}", attempt.id(), e, RECORD_RETRY);
      later(RECORD_RETRY, () -> lanes.submit(destinationOf(attempt), () -> startOrRetry(attempt)));
    }
  }

  private void start(Attempt attempt) {
    var prior = log.state(attempt.id());
    if (prior.isPresent()) {
      if (!prior.get().isFinal()) {
        log.record(
            attempt, new Delivery(Outcome.UNKNOWN, prior.get().tries(), STOPPED_WHILE_SENDING));
        nextContactMethodNow(attempt, "its outcome is unknown");
      }
      finish(attempt);
      return;
    }
    ChannelSender sender = senders.get(attempt.contactMethod().type());
    if (sender == null) {
      log.record(
          attempt,
          Delivery.skipped(
              "channel "
                  + attempt.contactMethod().type().yamlName()
                  + " is not configured on this notifier (see notifier/README.md)"));
      finish(attempt);
      return;
    }
    if (!attempt.isDigest()) {
      StormDigest.Admission admission = digest.admit(attempt, clock.millis());
      if (admission == StormDigest.Admission.FOLDED) {
        log.record(
            attempt,
            new Delivery(
                Outcome.SUPPRESSED,
                0,
                "storm: "
                    + attempt.userId()
                    + " already got a "
                    + attempt.contactMethod().type().yamlName()
                    + " message in the last "
                    + digest.interval()
                    + "; folded into the next digest"));
        finish(attempt);
        return;
      }
      if (admission == StormDigest.Admission.OPENED) {
        scheduleFlush(StormDigest.keyOf(attempt));
      }
    }
    log.record(attempt, new Delivery(Outcome.SENT, 1, "sending"));
    tryOnce(attempt, sender, 1);
  }

  private void tryOnce(Attempt attempt, ChannelSender sender, int tryNumber) {
    SendResult result;
    try {
      result = sender.send(attempt);
    } catch (RuntimeException e) {
      result = SendResult.permanent("the " + sender.getClass().getSimpleName() + " failed: " + e);
    }
    switch (result.status()) {
      case DELIVERED -> {
        recordAfterSend(attempt, new Delivery(Outcome.DELIVERED, tryNumber, result.detail()));
        finish(attempt);
      }
      case RETRYABLE -> {
        if (tryNumber < retry.tries()) {
          Duration wait = retry.delayAfter(tryNumber, result.retryAfter());
          recordAfterSend(
              attempt,
              new Delivery(
                  Outcome.RETRYING,
                  tryNumber,
                  result.detail() + "; try " + (tryNumber + 1) + " in " + wait.toMillis() + " ms"));
          String destination = sender.destination(attempt);
          later(
              wait, () -> lanes.submit(destination, () -> tryOnce(attempt, sender, tryNumber + 1)));
        } else {
          String detail = result.detail() + " after " + tryNumber + " tries";
          recordAfterSend(attempt, new Delivery(Outcome.FAILED, tryNumber, detail));
          nextContactMethodNow(attempt, "it failed");
          finish(attempt);
        }
      }
      case PERMANENT -> {
        recordAfterSend(attempt, new Delivery(Outcome.FAILED, tryNumber, result.detail()));
        nextContactMethodNow(attempt, "it failed permanently");
        finish(attempt);
      }
    }
  }

  /** Records a state once something was sent: retried, never answered by a second send. */
  private void recordAfterSend(Attempt attempt, Delivery delivery) {
    LOG.info(
        "attempt {}: {} after {} tries ({})",
        attempt.id(),
        delivery.outcome(),
        delivery.tries(),
        delivery.detail());
    for (int i = 1; ; i++) {
      try {
        log.record(attempt, delivery);
        return;
      } catch (RuntimeException e) {
        if (i == 5) {
          LOG.error(
              "could not record {} of {}; a restart records it UNKNOWN", delivery, attempt.id(), e);
          return;
        }
        LOG.warn(
            "could not record {} of {} ({}); retrying",
            delivery.outcome(),
            attempt.id(),
            e.toString());
        pause(RECORD_RETRY);
      }
    }
  }

  private void nextContactMethodNow(Attempt attempt, String why) {
    if (closedIncidents.contains(attempt.page().incidentId())) {
      return;
    }
    plan.nextAfter(attempt)
        .ifPresent(
            next -> {
              LOG.info(
                  "attempt {}: {}, so {} goes now, not at its due time",
                  attempt.id(),
                  why,
                  next.id());
              begin(next, () -> {});
            });
  }

  private void scheduleFlush(StormDigest.Key key) {
    later(
        digest.interval(),
        () ->
            digest
                .flush(key, clock.millis())
                .ifPresent(
                    d -> {
                      scheduleFlush(key);
                      begin(d, () -> {});
                    }));
  }

  private void finish(Attempt attempt) {
    List<Runnable> callbacks;
    synchronized (inFlight) {
      callbacks = inFlight.remove(attempt.id());
    }
    if (callbacks != null) {
      callbacks.forEach(Runnable::run);
    }
  }

  private void later(Duration delay, Runnable task) {
    try {
      timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.info("notifier is stopping; left for the next start: {}", task);
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops taking work and lets running sends finish within the shutdown grace. */
  @Override
  public void close() {
    timers.shutdownNow();
    lanes.close(graceMillis);
  }
}
