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
import io.vigil.notifier.schedule.StepTicket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each attempt at most once: an attempt already recorded is never sent again, one recorded as
 * under way when a notifier stopped becomes UNKNOWN (not resent); otherwise SENT is recorded
 * durably — while the step's task is still owned here — before the first try, retryable failures
 * are retried with backoff and jitter, and a permanent failure (or the last retry) asks for the
 * user's next rule step at once. Nothing here sleeps: every wait is scheduled.
 */
public final class DeliveryEngine implements StepHandoff, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
  private static final int RECORD_TRIES = 5;
  static final String STOPPED_WHILE_SENDING =
      "the notifier stopped while this was being sent; not sent again so nobody is paged twice";

  /** One attempt under way here and the tickets of every hand-over waiting for it. */
  private record Job(Attempt attempt, String suppressed, List<StepTicket> tickets) {}

  private final NotificationPlan plan;
  private final DeliveryLog log;
  private final Map<ContactMethod.ContactType, ChannelSender> senders;
  private final RetryPolicy retry;
  private final DestinationLanes lanes;
  private final long graceMillis;
  private final Duration recordRetry;
  private final ScheduledExecutorService timers;
  private final Map<String, Job> inFlight = new HashMap<>();

  /**
   * @param recordRetry wait before recording a state again when the log refused it (Kafka down)
   */
  public DeliveryEngine(
      NotificationPlan plan,
      DeliveryLog log,
      List<ChannelSender> senders,
      RetryPolicy retry,
      DestinationLanes lanes,
      Duration shutdownGrace,
      Duration recordRetry) {
    this.plan = plan;
    this.log = log;
    this.senders = new EnumMap<>(ContactMethod.ContactType.class);
    senders.forEach(s -> s.types().forEach(t -> this.senders.put(t, s)));
    this.retry = retry;
    this.lanes = lanes;
    this.graceMillis = shutdownGrace.toMillis();
    this.recordRetry = recordRetry;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "notifier-timers");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void submit(ScheduledStep step, StepTicket ticket) {
    plan.attemptOf(step)
        .ifPresentOrElse(a -> begin(new Job(a, step.suppressed(), List.of(ticket))), ticket::done);
  }

  /** Starts {@code job} unless its attempt is already under way here, without waiting for it. */
  private void begin(Job job) {
    String id = job.attempt().id();
    synchronized (inFlight) {
      Job running = inFlight.get(id);
      if (running != null) {
        synchronized (running.tickets()) {
          running.tickets().addAll(job.tickets());
        }
        return;
      }
      inFlight.put(id, new Job(job.attempt(), job.suppressed(), new ArrayList<>(job.tickets())));
    }
    lanes.submit(destinationOf(job.attempt()), () -> startOrRetry(id));
  }

  private String destinationOf(Attempt attempt) {
    ChannelSender sender = senders.get(attempt.contactMethod().type());
    return sender == null ? "unconfigured" : sender.destination(attempt);
  }

  private void startOrRetry(String id) {
    Job job = job(id);
    if (job == null) {
      return;
    }
    try {
      start(job);
    } catch (RuntimeException e) {
      LOG.warn("cannot start attempt {} ({}); trying again in {}", id, e, recordRetry);
      later(recordRetry, () -> lanes.submit(destinationOf(job.attempt()), () -> startOrRetry(id)));
    }
  }

  private void start(Job job) {
    Attempt attempt = job.attempt();
    // Whatever another instance recorded for this step, it did before the step's task came here.
    long ownedSince =
        tickets(job).stream().mapToLong(StepTicket::ownedSince).max().orElse(System.nanoTime());
    var prior = log.state(attempt.id(), ownedSince);
    if (prior.isPresent()) {
      if (!prior.get().isFinal()
          && whileOwned(
              job,
              () ->
                  log.record(
                      attempt,
                      new Delivery(Outcome.UNKNOWN, prior.get().tries(), STOPPED_WHILE_SENDING)))) {
        nextStepNow(job);
      }
      finish(job);
      return;
    }
    ChannelSender sender = senders.get(attempt.contactMethod().type());
    Delivery unsent = null;
    if (sender == null) {
      unsent =
          Delivery.skipped(
              "channel "
                  + attempt.contactMethod().type().yamlName()
                  + " is not configured on this notifier (see notifier/README.md)");
    } else if (job.suppressed() != null) {
      unsent = new Delivery(Outcome.SUPPRESSED, 0, job.suppressed());
    }
    if (unsent != null) {
      Delivery recorded = unsent;
      whileOwned(job, () -> log.record(attempt, recorded));
      finish(job);
      return;
    }
    if (!whileOwned(job, () -> log.record(attempt, new Delivery(Outcome.SENT, 1, "sending")))) {
      LOG.info("attempt {}: its task moved to another instance before it started", attempt.id());
      forget(job);
      return;
    }
    tryOnce(job, sender, 1);
  }

  /** Runs {@code action} under the first ticket whose task is still owned here. */
  private static boolean whileOwned(Job job, Runnable action) {
    List<StepTicket> tickets;
    synchronized (job.tickets()) {
      tickets = List.copyOf(job.tickets());
    }
    for (StepTicket ticket : tickets) {
      if (ticket.whileOwned(action)) {
        return true;
      }
    }
    return false;
  }

  private void tryOnce(Job job, ChannelSender sender, int tryNumber) {
    Attempt attempt = job.attempt();
    SendResult result;
    try {
      result = sender.send(attempt);
    } catch (RuntimeException e) {
      result = SendResult.permanent("the " + sender.getClass().getSimpleName() + " failed: " + e);
    }
    String destination = sender.destination(attempt);
    switch (result.status()) {
      case DELIVERED ->
          recordThen(
              job,
              destination,
              new Delivery(Outcome.DELIVERED, tryNumber, result.detail()),
              1,
              () -> finish(job));
      case RETRYABLE -> {
        if (tryNumber < retry.tries()) {
          Duration wait = retry.delayAfter(tryNumber, result.retryAfter());
          Delivery retrying =
              new Delivery(
                  Outcome.RETRYING,
                  tryNumber,
                  result.detail() + "; try " + (tryNumber + 1) + " in " + wait.toMillis() + " ms");
          recordThen(
              job,
              destination,
              retrying,
              1,
              () ->
                  later(
                      wait,
                      () -> lanes.submit(destination, () -> tryOnce(job, sender, tryNumber + 1))));
        } else {
          String detail = result.detail() + " after " + tryNumber + " tries";
          failed(job, destination, new Delivery(Outcome.FAILED, tryNumber, detail));
        }
      }
      case PERMANENT ->
          failed(job, destination, new Delivery(Outcome.FAILED, tryNumber, result.detail()));
    }
  }

  private void failed(Job job, String destination, Delivery delivery) {
    recordThen(
        job,
        destination,
        delivery,
        1,
        () -> {
          nextStepNow(job);
          finish(job);
        });
  }

  /**
   * Records a state once something was sent, then runs {@code then}; when the log refuses it (Kafka
   * unreachable), records again later — scheduled, never by sleeping on the send pool — and never
   * answers it with a second send. After the last try a restart records it UNKNOWN.
   */
  private void recordThen(
      Job job, String destination, Delivery delivery, int recordTry, Runnable then) {
    Attempt attempt = job.attempt();
    try {
      log.record(attempt, delivery);
      LOG.info(
          "attempt {}: {} after {} tries ({})",
          attempt.id(),
          delivery.outcome(),
          delivery.tries(),
          delivery.detail());
    } catch (RuntimeException e) {
      if (recordTry < RECORD_TRIES) {
        LOG.warn(
            "could not record {} of {} ({}); recording again in {}",
            delivery.outcome(),
            attempt.id(),
            e.toString(),
            recordRetry);
        later(
            recordRetry,
            () ->
                lanes.submit(
                    destination,
                    () -> recordThen(job, destination, delivery, recordTry + 1, then)));
        return;
      }
      LOG.error(
          "could not record {} of {} after {} tries; a restart records it UNKNOWN",
          delivery,
          attempt.id(),
          RECORD_TRIES,
          e);
    }
    then.run();
  }

  private static void nextStepNow(Job job) {
    if (!job.attempt().isDigest()) {
      tickets(job).forEach(StepTicket::nextStepNow);
    }
  }

  private Job job(String id) {
    synchronized (inFlight) {
      return inFlight.get(id);
    }
  }

  private void finish(Job job) {
    forget(job);
    tickets(job).forEach(StepTicket::done);
  }

  private void forget(Job job) {
    synchronized (inFlight) {
      inFlight.remove(job.attempt().id());
    }
  }

  private static List<StepTicket> tickets(Job job) {
    synchronized (job.tickets()) {
      return List.copyOf(job.tickets());
    }
  }

  private void later(Duration delay, Runnable task) {
    try {
      timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.info("notifier is stopping; left for the next start: {}", task);
    }
  }

  /** Stops taking work and lets running sends finish within the shutdown grace. */
  @Override
  public void close() {
    timers.shutdownNow();
    lanes.close(graceMillis);
  }
}
