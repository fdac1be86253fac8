package io.vigil.notifier.schedule;

import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.notifier.storm.StormDigest;
import io.vigil.notifier.storm.StormWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each user's due steps to the delivery engine, per user: every step first passes the storm
 * digest (the user's windows are in this task's changelogged store, so a restart or rebalance loses
 * no count), and stays in the in-flight store until its attempt is over, so a crash or rebalance
 * hands it over again and the delivery log decides whether anything is sent. A failed step brings
 * the user's next rule step forward — never folded, as it stands for a message that did not arrive
 * — unless the incident has closed; its waiting copy, when due, is then dropped.
 */
public final class HandoverProcessor implements Processor<String, Handover, Void, Void> {

  /** {@code <attempt id>} → a step handed over whose attempt is not over yet. */
  public static final String IN_FLIGHT_STORE = "notifier-in-flight-steps";

  /** {@code <user id>|<channel>} → the user's open storm window on that channel. */
  public static final String STORM_STORE = "notifier-storm-windows";

  /** {@code <attempt id>} → due time of a step sent early, whose waiting copy is to be dropped. */
  public static final String EXPEDITED_STORE = "notifier-expedited-steps";

  /** {@code <user id>|<incident id>} → when the incident closed. */
  public static final String CLOSED_STORE = "notifier-closed-incidents";

  private static final Duration KEPT = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(HandoverProcessor.class);

  private final NotificationPlan plan;
  private final StepHandoff handoff;
  private final Duration tick;
  private final StormDigest digest;
  private final Queue<String> done = new ConcurrentLinkedQueue<>();
  private final Queue<ScheduledStep> failed = new ConcurrentLinkedQueue<>();
  private final ReadWriteLock ownership = new ReentrantReadWriteLock();
  private boolean closed;
  private long ownedSince;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, ScheduledStep> inFlight;
  private KeyValueStore<String, Long> expedited;
  private KeyValueStore<String, Long> closedIncidents;
  private StormWindows storm;

  public HandoverProcessor(
      NotificationPlan plan, StepHandoff handoff, Duration tick, StormDigest digest) {
    this.plan = plan;
    this.handoff = handoff;
    this.tick = tick;
    this.digest = digest;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.ownedSince = System.nanoTime();
    this.inFlight = context.getStateStore(IN_FLIGHT_STORE);
    this.expedited = context.getStateStore(EXPEDITED_STORE);
    this.closedIncidents = context.getStateStore(CLOSED_STORE);
    KeyValueStore<String, StormWindow> windows = context.getStateStore(STORM_STORE);
    this.storm = new StormWindows(digest, plan, windows, this::submit);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    resumeUnfinished();
  }

  /**
   * Steps handed over before a restart or rebalance whose attempts never ended: again, as they
   * were.
   */
  private void resumeUnfinished() {
    List<ScheduledStep> unfinished = new ArrayList<>();
    try (KeyValueIterator<String, ScheduledStep> it = inFlight.all()) {
      it.forEachRemaining(kv -> unfinished.add(kv.value));
    }
    if (!unfinished.isEmpty()) {
      LOG.info(
          "{} steps were handed over before a restart or rebalance; handing them over again",
          unfinished.size());
    }
    unfinished.forEach(this::submit);
  }

  @Override
  public void process(Record<String, Handover> record) {
    Handover handover = record.value();
    long now = context.currentSystemTimeMs();
    if (handover.closedIncidentId() != null) {
      closedIncidents.put(closedKey(record.key(), handover.closedIncidentId()), now);
    } else if (handover.step() != null) {
      ScheduledStep step = handover.step();
      if (expedited.get(step.attemptId()) != null) {
        expedited.delete(step.attemptId()); // it went out early already
        return;
      }
      handOver(step, now);
    }
  }

  private void punctuate(long now) {
    for (String attemptId = done.poll(); attemptId != null; attemptId = done.poll()) {
      inFlight.delete(attemptId);
    }
    for (ScheduledStep step = failed.poll(); step != null; step = failed.poll()) {
      bringNextStepForward(step, now);
    }
    storm.flushEnded(now);
  }

  private void bringNextStepForward(ScheduledStep failedStep, long now) {
    if (closedIncidents.get(closedKey(failedStep.userId(), failedStep.page().incidentId()))
        != null) {
      return;
    }
    plan.nextAfter(failedStep)
        .ifPresent(
            next -> {
              LOG.info(
                  "{} did not reach {}, so {} goes now, not at its due time",
                  failedStep.attemptId(),
                  failedStep.userId(),
                  next.attemptId());
              if (next.dueAtMillis() > now) {
                expedited.put(next.attemptId(), next.dueAtMillis());
              }
              // Not through the storm digest: it stands for a message that did not arrive.
              submit(next);
            });
  }

  /** Forgets closed incidents and early-sent steps after a day. */
  private void forgetOld(long now) {
    forgetBefore(closedIncidents, now - KEPT.toMillis());
    forgetBefore(expedited, now - KEPT.toMillis());
  }

  private static void forgetBefore(KeyValueStore<String, Long> store, long millis) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = store.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value < millis) {
              old.add(kv.key);
            }
          });
    }
    old.forEach(store::delete);
  }

  /** Hands a step over for the first time, after the storm digest decided whether it is sent. */
  private void handOver(ScheduledStep step, long now) {
    submit(storm.admit(step, now));
  }

  private void submit(ScheduledStep step) {
    String attemptId = step.attemptId();
    inFlight.put(attemptId, step);
    handoff.submit(step, new Ticket(attemptId, step));
  }

  /** Stops this task's handed-over steps from starting here once the task has moved away. */
  @Override
  public void close() {
    ownership.writeLock().lock();
    try {
      closed = true;
    } finally {
      ownership.writeLock().unlock();
    }
  }

  private static String closedKey(String userId, String incidentId) {
    return userId + "|" + incidentId;
  }

  /** The ticket of one handed-over step: reports go to this task's queues, read at each tick. */
  private final class Ticket implements StepTicket {
    private final String attemptId;
    private final ScheduledStep step;

    Ticket(String attemptId, ScheduledStep step) {
      this.attemptId = attemptId;
      this.step = step;
    }

    @Override
    public boolean whileOwned(Runnable action) {
      ownership.readLock().lock();
      try {
        if (closed) {
          return false;
        }
        action.run();
        return true;
      } finally {
        ownership.readLock().unlock();
      }
    }

    @Override
    public long ownedSince() {
      return ownedSince;
    }

    @Override
    public void done() {
      done.add(attemptId);
    }

    @Override
    public void nextStepNow() {
      failed.add(step);
    }
  }
}
