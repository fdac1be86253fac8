package io.vigil.notifier.schedule;

import io.vigil.notifier.escalation.EscalationPages;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.ScheduledStep;
import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentResolved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every page's notification-rule steps durably until they are due: steps due now are handed
 * over at once, delayed ones wait in a changelogged store and a wall-clock punctuation hands them
 * over when due; an acknowledged or resolved incident (or a cancelled escalation) drops its waiting
 * steps. A handed-over step stays in the in-flight store until its attempt is over, so a crash
 * hands it over again and the delivery log decides whether anything is sent.
 */
public final class StepSchedulerProcessor implements Processor<String, SpecificRecord, Void, Void> {

  /** {@code <incident id>|<attempt id>} → a step waiting for its due time. */
  public static final String PENDING_STORE = "notifier-pending-steps";

  /** {@code <attempt id>} → a step handed over whose attempt is not over yet. */
  public static final String IN_FLIGHT_STORE = "notifier-in-flight-steps";

  private static final Logger LOG = LoggerFactory.getLogger(StepSchedulerProcessor.class);

  private final NotificationPlan plan;
  private final StepHandoff handoff;
  private final Duration tick;
  private final Queue<String> done = new ConcurrentLinkedQueue<>();
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, ScheduledStep> pending;
  private KeyValueStore<String, ScheduledStep> inFlight;

  public StepSchedulerProcessor(NotificationPlan plan, StepHandoff handoff, Duration tick) {
    this.plan = plan;
    this.handoff = handoff;
    this.tick = tick;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.pending = context.getStateStore(PENDING_STORE);
    this.inFlight = context.getStateStore(IN_FLIGHT_STORE);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    resumeUnfinished();
  }

  /** Steps handed over before a restart whose attempts never ended: hand them over again. */
  private void resumeUnfinished() {
    List<ScheduledStep> unfinished = new ArrayList<>();
    try (KeyValueIterator<String, ScheduledStep> it = inFlight.all()) {
      it.forEachRemaining(kv -> unfinished.add(kv.value));
    }
    if (!unfinished.isEmpty()) {
      LOG.info(
          "{} steps were handed over before a restart; handing them over again", unfinished.size());
    }
    unfinished.forEach(this::handOver);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    if (record.value() instanceof EscalationEvent e) {
      if (e.getEvent() instanceof EscalationCancelled c) {
        cancel(e.getIncidentId(), "escalation cancelled: " + c.getReason());
        return;
      }
      // Timed from when the page reaches the notifier, so a page read late (the notifier was
      // down) keeps the spacing between steps instead of sending them all at once.
      Instant pagedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
      EscalationPages.pageOf(e).ifPresent(page -> schedule(plan.stepsOf(page, pagedAt)));
    } else if (record.value() instanceof IncidentEvent e) {
      if (e.getEvent() instanceof IncidentAcknowledged) {
        cancel(e.getIncidentId(), "incident acknowledged");
      } else if (e.getEvent() instanceof IncidentResolved) {
        cancel(e.getIncidentId(), "incident resolved");
      }
    }
  }

  private void schedule(List<ScheduledStep> steps) {
    long now = context.currentSystemTimeMs();
    for (ScheduledStep step : steps) {
      if (step.dueAtMillis() <= now) {
        handOver(step);
      } else {
        pending.put(pendingKey(step), step);
        LOG.info(
            "step {} waits until {}", step.attemptId(), Instant.ofEpochMilli(step.dueAtMillis()));
      }
    }
  }

  private void cancel(String incidentId, String why) {
    handoff.incidentClosed(incidentId);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ScheduledStep> it =
        pending.prefixScan(incidentId + "|", new StringSerializer())) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(pending::delete);
    if (!keys.isEmpty()) {
      LOG.info("{}: {} waiting steps of {} cancelled", why, keys.size(), incidentId);
    }
  }

  private void punctuate(long now) {
    for (String attemptId = done.poll(); attemptId != null; attemptId = done.poll()) {
      inFlight.delete(attemptId);
    }
    List<KeyValue<String, ScheduledStep>> due = new ArrayList<>();
    try (KeyValueIterator<String, ScheduledStep> it = pending.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.dueAtMillis() <= now) {
              due.add(kv);
            }
          });
    }
    for (KeyValue<String, ScheduledStep> kv : due) {
      pending.delete(kv.key);
      handOver(kv.value);
    }
  }

  private void handOver(ScheduledStep step) {
    String attemptId = step.attemptId();
    inFlight.put(attemptId, step);
    handoff.submit(step, () -> done.add(attemptId));
  }

  static String pendingKey(ScheduledStep step) {
    return step.page().incidentId() + "|" + step.attemptId();
  }
}
