package io.vigil.escalation.timer;

import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds incident events to the {@link EscalationEngine} and fires its durable timers: a wall-clock
 * punctuation takes every timer due from a changelogged store keyed by due time, oldest first, and
 * records how late it fired; state, timers and output commit in one exactly-once transaction.
 */
public final class EscalationTimerProcessor
    implements Processor<String, IncidentEvent, String, SpecificRecord>, Effects {

  /** Due key → timer. */
  public static final String TIMERS_STORE = "escalation-timers";

  /** Incident id → its state. */
  public static final String INCIDENTS_STORE = "escalation-incidents";

  /** {@code policyId/L<level>} → the next round-robin turn. */
  public static final String TURNS_STORE = "escalation-round-robin";

  private static final Logger LOG = LoggerFactory.getLogger(EscalationTimerProcessor.class);

  private final VigilConfig config;
  private final EscalationEngine engine;
  private final EscalationMetrics metrics;
  private final Duration tick;
  private final String escalationsSink;
  private final String slaSink;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, DueTimer> timers;
  private KeyValueStore<String, IncidentState> incidents;
  private KeyValueStore<String, Long> turns;
  private long nowMillis;

  public EscalationTimerProcessor(
      VigilConfig config,
      EscalationEngine engine,
      EscalationMetrics metrics,
      Duration tick,
      String escalationsSink,
      String slaSink) {
    this.config = config;
    this.engine = engine;
    this.metrics = metrics;
    this.tick = tick;
    this.escalationsSink = escalationsSink;
    this.slaSink = slaSink;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.timers = context.getStateStore(TIMERS_STORE);
    this.incidents = context.getStateStore(INCIDENTS_STORE);
    this.turns = context.getStateStore(TURNS_STORE);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
  }

  @Override
  public void process(Record<String, IncidentEvent> record) {
    IncidentEvent event = record.value();
    if (event == null) {
      return;
    }
    nowMillis = context.currentSystemTimeMs();
    Instant now = Instant.ofEpochMilli(nowMillis);
    Instant at = event.getOccurredAt();
    String id = event.getIncidentId();
    Object payload = event.getEvent();
    if (payload instanceof IncidentOpened o) {
      String policyId =
          o.getEscalationPolicyId() != null
              ? o.getEscalationPolicyId()
              : config.service(event.getServiceId()).map(Service::escalationPolicy).orElse("");
      engine.opened(
          new IncidentState.Incident(
              id,
              event.getServiceId(),
              policyId,
              o.getTitle(),
              o.getPriority().name(),
              o.getUrgency().name(),
              at.toEpochMilli()),
          now,
          this);
    } else if (payload instanceof IncidentAcknowledged a) {
      engine.acknowledged(id, a.getActor(), at, now, this);
    } else if (payload instanceof IncidentResolved r) {
      engine.closed(id, "resolved by " + r.getActor(), true, at, now, this);
    } else if (payload instanceof IncidentMerged m) {
      engine.closed(id, "merged into " + m.getTargetIncidentId(), false, at, now, this);
    } else if (payload instanceof IncidentSnoozed s) {
      engine.snoozed(id, s.getActor(), s.getUntil(), now, this);
    } else if (payload instanceof EscalationRequested e) {
      engine.escalateNow(id, now, this);
    } else if (payload instanceof IncidentReassigned r) {
      engine.reassigned(id, r.getUserId(), now, this);
    } else if (payload instanceof IncidentReclassified r) {
      engine.reclassified(id, r.getPriority().name(), r.getUrgency().name(), now, this);
    }
  }

  /** Fires every timer due at or before {@code wallClockMillis}, oldest first. */
  void fireDue(long wallClockMillis) {
    nowMillis = wallClockMillis;
    List<DueTimer> due = new ArrayList<>();
    try (KeyValueIterator<String, DueTimer> it =
        timers.range(DueTimer.lowerBound(), DueTimer.upperBound(wallClockMillis))) {
      it.forEachRemaining(entry -> due.add(entry.value));
    }
    Instant now = Instant.ofEpochMilli(wallClockMillis);
    for (DueTimer timer : due) {
      timers.delete(timer.key());
      long late = wallClockMillis - timer.dueAtMillis();
      metrics.lateness(timer.kind(), late);
      LOG.debug(
          "timer {} due {} fired {} ({} ms late)", timer.key(), timer.dueAtMillis(), now, late);
      switch (timer.kind()) {
        case SLA_ACKNOWLEDGE, SLA_RESOLVE -> engine.slaDue(timer, now, this);
        default -> engine.pagingDue(timer, now, this);
      }
    }
  }

  @Override
  public IncidentState state(String incidentId) {
    return incidents.get(incidentId);
  }

  @Override
  public void save(IncidentState state) {
    incidents.put(state.incidentId(), state);
  }

  @Override
  public void forget(String incidentId) {
    incidents.delete(incidentId);
  }

  @Override
  public void schedule(DueTimer timer) {
    timers.put(timer.key(), timer);
  }

  @Override
  public void cancel(DueTimer timer) {
    timers.delete(timer.key());
  }

  @Override
  public void escalation(EscalationEvent event) {
    context.forward(new Record<>(event.getIncidentId(), event, nowMillis), escalationsSink);
  }

  @Override
  public void sla(SlaEvent event) {
    context.forward(new Record<>(event.getServiceId(), event, nowMillis), slaSink);
  }

  @Override
  public long nextTurn(String policyId, int level) {
    String key = policyId + "/L" + level;
    Long turn = turns.get(key);
    long current = turn == null ? 0 : turn;
    turns.put(key, current + 1);
    return current;
  }
}
