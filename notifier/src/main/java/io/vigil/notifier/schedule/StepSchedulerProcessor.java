package io.vigil.notifier.schedule;

import io.vigil.notifier.escalation.EscalationPages;
import io.vigil.notifier.page.NotificationPlan;
import io.vigil.notifier.page.Page;
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
 * Keeps every page's notification-rule steps durably until they are due, per incident: steps due
 * now go on at once, delayed ones wait in a changelogged store and a wall-clock punctuation sends
 * them on when due — keyed by user, to the {@link HandoverProcessor} of that user; an acknowledged
 * or resolved incident (or a cancelled escalation) drops its waiting steps and tells every user it
 * paged.
 */
public final class StepSchedulerProcessor
    implements Processor<String, SpecificRecord, String, Handover> {

  /** {@code <incident id>|<attempt id>} → a step waiting for its due time. */
  public static final String PENDING_STORE = "notifier-pending-steps";

  /** {@code <incident id>} → the users its pages reached. */
  public static final String PAGED_STORE = "notifier-paged-users";

  /** How long an incident nobody closed is remembered after its last page. */
  static final Duration PAGED_KEPT = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(StepSchedulerProcessor.class);

  private final NotificationPlan plan;
  private final Duration tick;
  private ProcessorContext<String, Handover> context;
  private KeyValueStore<String, ScheduledStep> pending;
  private KeyValueStore<String, PagedUsers> paged;

  public StepSchedulerProcessor(NotificationPlan plan, Duration tick) {
    this.plan = plan;
    this.tick = tick;
  }

  @Override
  public void init(ProcessorContext<String, Handover> context) {
    this.context = context;
    this.pending = context.getStateStore(PENDING_STORE);
    this.paged = context.getStateStore(PAGED_STORE);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::sendDueSteps);
    context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
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
      long now = context.currentSystemTimeMs();
      EscalationPages.pageOf(e).ifPresent(page -> schedule(page, now));
    } else if (record.value() instanceof IncidentEvent e) {
      if (e.getEvent() instanceof IncidentAcknowledged) {
        cancel(e.getIncidentId(), "incident acknowledged");
      } else if (e.getEvent() instanceof IncidentResolved) {
        cancel(e.getIncidentId(), "incident resolved");
      }
    }
  }

  private void schedule(Page page, long now) {
    List<ScheduledStep> steps = plan.stepsOf(page, Instant.ofEpochMilli(now));
    if (steps.isEmpty()) {
      return;
    }
    PagedUsers before = paged.get(page.incidentId());
    List<String> users = steps.stream().map(ScheduledStep::userId).distinct().toList();
    paged.put(
        page.incidentId(), before == null ? new PagedUsers(users, now) : before.with(users, now));
    for (ScheduledStep step : steps) {
      if (step.dueAtMillis() <= now) {
        sendOn(step);
      } else {
        pending.put(pendingKey(step), step);
        LOG.info(
            "step {} waits until {}", step.attemptId(), Instant.ofEpochMilli(step.dueAtMillis()));
      }
    }
  }

  private void cancel(String incidentId, String why) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ScheduledStep> it =
        pending.prefixScan(incidentId + "|", new StringSerializer())) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(pending::delete);
    if (!keys.isEmpty()) {
      LOG.info("{}: {} waiting steps of {} cancelled", why, keys.size(), incidentId);
    }
    PagedUsers users = paged.get(incidentId);
    if (users != null) {
      paged.delete(incidentId);
      users
          .userIds()
          .forEach(
              u ->
                  context.forward(
                      new Record<>(u, Handover.closed(incidentId), context.currentSystemTimeMs())));
    }
  }

  private void sendDueSteps(long now) {
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
      sendOn(kv.value);
    }
  }

  private void forgetOld(long now) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, PagedUsers> it = paged.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.lastPagedAtMillis() < now - PAGED_KEPT.toMillis()) {
              old.add(kv.key);
            }
          });
    }
    old.forEach(paged::delete);
  }

  private void sendOn(ScheduledStep step) {
    context.forward(new Record<>(step.userId(), Handover.of(step), context.currentSystemTimeMs()));
  }

  static String pendingKey(ScheduledStep step) {
    return step.page().incidentId() + "|" + step.attemptId();
  }
}
