package io.vigil.escalation.timer;

import io.vigil.config.EscalationPolicy;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.policy.Escalator;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentResolved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Pages level 1 when an incident opens, keeps the next step on a durable timer (a changelogged
 * store keyed by due time), fires each due step once while the incident is unacknowledged, and
 * cancels the pending step when the incident is acknowledged or resolved.
 */
public final class EscalationTimerProcessor
    implements Processor<String, IncidentEvent, String, EscalationEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationTimerProcessor.class);

  private final VigilConfig config;
  private final Escalator escalator;
  private final Duration tick;
  private final String timersStore;
  private final String indexStore;
  private ProcessorContext<String, EscalationEvent> context;
  private KeyValueStore<String, PendingStep> timers;
  private KeyValueStore<String, String> index;

  /**
   * @param timersStore due key → pending step
   * @param indexStore incident id → its due key
   */
  public EscalationTimerProcessor(
      VigilConfig config,
      Escalator escalator,
      Duration tick,
      String timersStore,
      String indexStore) {
    this.config = config;
    this.escalator = escalator;
    this.tick = tick;
    this.timersStore = timersStore;
    this.indexStore = indexStore;
  }

  @Override
  public void init(ProcessorContext<String, EscalationEvent> context) {
    this.context = context;
    this.timers = context.getStateStore(timersStore);
    this.index = context.getStateStore(indexStore);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
  }

  @Override
  public void process(Record<String, IncidentEvent> record) {
    IncidentEvent event = record.value();
    if (event == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    Object payload = event.getEvent();
    if (payload instanceof IncidentOpened opened) {
      open(event, opened, now);
    } else if (payload instanceof IncidentAcknowledged ack) {
      cancel(event.getIncidentId(), "acknowledged by " + ack.getActor(), now);
    } else if (payload instanceof IncidentResolved resolved) {
      cancel(event.getIncidentId(), "resolved by " + resolved.getActor(), now);
    }
  }

  private void open(IncidentEvent event, IncidentOpened opened, Instant now) {
    String incidentId = event.getIncidentId();
    if (index.get(incidentId) != null) {
      LOG.debug(
          "incident {} already escalating, opened event {} ignored",
          incidentId,
          event.getEventId());
      return;
    }
    String policyId =
        opened.getEscalationPolicyId() != null
            ? opened.getEscalationPolicyId()
            : config.service(event.getServiceId()).map(Service::escalationPolicy).orElse(null);
    Optional<EscalationPolicy> policy =
        policyId == null ? Optional.empty() : config.escalationPolicy(policyId);
    if (policy.isEmpty()) {
      LOG.warn(
          "incident {} of service {}: no escalation policy '{}', nobody is paged; give the service"
              + " an escalationPolicy that exists in the configuration",
          incidentId,
          event.getServiceId(),
          policyId);
      return;
    }
    PendingStep base =
        new PendingStep(
            incidentId,
            event.getServiceId(),
            policyId,
            1,
            1,
            0,
            opened.getTitle(),
            opened.getPriority().name(),
            opened.getUrgency().name());
    emit(escalator.start(policy.get(), now), base, now);
  }

  private void cancel(String incidentId, String reason, Instant now) {
    String dueKey = index.get(incidentId);
    if (dueKey == null) {
      return;
    }
    index.delete(incidentId);
    PendingStep pending = timers.delete(dueKey);
    if (pending != null) {
      forward(EscalationEvents.cancelled(pending, reason, now), now);
    }
  }

  /** Fires every step due at or before {@code nowMillis}, oldest first. */
  void fireDue(long nowMillis) {
    List<PendingStep> due = new ArrayList<>();
    try (KeyValueIterator<String, PendingStep> it =
        timers.range(PendingStep.dueKey(0, ""), PendingStep.dueKeyUpperBound(nowMillis))) {
      while (it.hasNext()) {
        KeyValue<String, PendingStep> entry = it.next();
        due.add(entry.value);
      }
    }
    Instant now = Instant.ofEpochMilli(nowMillis);
    for (PendingStep pending : due) {
      timers.delete(pending.dueKey());
      index.delete(pending.incidentId());
      Optional<EscalationPolicy> policy = config.escalationPolicy(pending.policyId());
      if (policy.isEmpty()) {
        LOG.warn(
            "incident {}: escalation policy '{}' is no longer configured, escalation stops",
            pending.incidentId(),
            pending.policyId());
        continue;
      }
      emit(escalator.timeout(policy.get(), pending.step(), now), pending, now);
    }
  }

  private void emit(Escalator.Outcome outcome, PendingStep context, Instant now) {
    for (EscalationEvent e : EscalationEvents.of(outcome, context, now)) {
      forward(e, now);
    }
    Escalator.Fired fired = outcome.fired();
    if (fired != null && fired.nextStepDueAt() != null) {
      PendingStep next = context.at(fired.step(), fired.nextStepDueAt());
      timers.put(next.dueKey(), next);
      index.put(next.incidentId(), next.dueKey());
    }
  }

  private void forward(EscalationEvent event, Instant now) {
    context.forward(new Record<>(event.getIncidentId(), event, now.toEpochMilli()));
  }
}
