package io.vigil.escalation.timer;

import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.escalation.EscalationOptions;
import io.vigil.escalation.sla.window.Measurements;
import io.vigil.escalation.sla.window.WindowSummary;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationRequested;
import io.vigil.schemas.IncidentAcknowledged;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentFlapping;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReassigned;
import io.vigil.schemas.IncidentReclassified;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.SlaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
 * punctuation takes the timers due from a changelogged store keyed by due time, oldest first and at
 * most {@code maxFiresPerTick} of them (the rest fire at the next tick, so commits are never held
 * up for long), and records how late each fired; state, timers and output commit in one
 * exactly-once transaction. What it publishes, and a clock tick, also feed the SLA windows (the
 * measurements of one punctuation as one record per service and priority).
 */
public final class EscalationTimerProcessor
    implements Processor<String, IncidentEvent, String, Object>, Effects {

  /** Due key → timer. */
  public static final String TIMERS_STORE = "escalation-timers";

  /** Incident id → its state. */
  public static final String INCIDENTS_STORE = "escalation-incidents";

  /** {@code policyId/L<level>} → the next round-robin turn. */
  public static final String TURNS_STORE = "escalation-round-robin";

  private static final Logger LOG = LoggerFactory.getLogger(EscalationTimerProcessor.class);

  private final Supplier<VigilConfig> live;
  private final EscalationEngine engine;
  private final ResolvedIncidents resolved;
  private final EscalationMetrics metrics;
  private final EscalationOptions options;
  private final Children children;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, DueTimer> timers;
  private KeyValueStore<String, IncidentState> incidents;
  private KeyValueStore<String, Long> turns;
  private long nowMillis;
  private Map<String, WindowSummary> batch; // measurements of the running punctuation, else null

  /** The names of the nodes this processor forwards to. */
  public record Children(String escalations, String sla, String measurements) {}

  public EscalationTimerProcessor(
      Supplier<VigilConfig> live,
      EscalationEngine engine,
      ResolvedIncidents resolved,
      EscalationMetrics metrics,
      EscalationOptions options,
      Children children) {
    this.live = live;
    this.engine = engine;
    this.resolved = resolved;
    this.metrics = metrics;
    this.options = options;
    this.children = children;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.timers = context.getStateStore(TIMERS_STORE);
    this.incidents = context.getStateStore(INCIDENTS_STORE);
    this.turns = context.getStateStore(TURNS_STORE);
    context.schedule(options.tick(), PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    context.schedule(options.summaryTick(), PunctuationType.WALL_CLOCK_TIME, this::tickWindows);
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
              : live.get().service(event.getServiceId()).map(Service::escalationPolicy).orElse("");
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
      resolved.resolved(id, r.getActor(), at, now, this);
    } else if (payload instanceof IncidentMerged m) {
      resolved.merged(id, m.getTargetIncidentId(), now, this);
    } else if (payload instanceof IncidentReopened r) {
      resolved.reopened(id, r.getReason(), now, this);
    } else if (payload instanceof IncidentFlapping) {
      resolved.flapping(id, this);
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

  /**
   * Fires the timers due at or before {@code wallClockMillis}, oldest first, at most {@code
   * maxFiresPerTick}; any left stay in the store for the next tick.
   */
  void fireDue(long wallClockMillis) {
    nowMillis = wallClockMillis;
    int max = options.maxFiresPerTick();
    List<DueTimer> due = new ArrayList<>();
    try (KeyValueIterator<String, DueTimer> it =
        timers.range(DueTimer.lowerBound(), DueTimer.upperBound(wallClockMillis))) {
      while (due.size() < max && it.hasNext()) {
        due.add(it.next().value);
      }
    }
    Instant now = Instant.ofEpochMilli(wallClockMillis);
    Map<String, WindowSummary> measured = new LinkedHashMap<>();
    batch = measured;
    try {
      fire(due, now);
    } finally {
      batch = null;
    }
    measured.forEach((key, summary) -> forwardMeasured(key, summary, wallClockMillis));
  }

  private void fire(List<DueTimer> due, Instant now) {
    long wallClockMillis = now.toEpochMilli();
    int max = options.maxFiresPerTick();
    if (due.size() == max) {
      LOG.info("{}: {} timers fire, the most one tick fires; any others due wait a tick", now, max);
    }
    for (DueTimer timer : due) {
      timers.delete(timer.key());
      long late = wallClockMillis - timer.dueAtMillis();
      if (timer.kind().punctualityMatters()) {
        metrics.lateness(timer.kind(), late);
      }
      LOG.debug(
          "timer {} due {} fired {} ({} ms late)", timer.key(), timer.dueAtMillis(), now, late);
      switch (timer.kind()) {
        case SLA_ACKNOWLEDGE, SLA_RESOLVE -> engine.slaDue(timer, now, this);
        case FORGET -> resolved.forgetDue(timer, this);
        default -> engine.pagingDue(timer, now, this);
      }
    }
  }

  /** Moves the SLA windows' clock to the wall clock, on every partition of their input. */
  private void tickWindows(long wallClockMillis) {
    forwardMeasured(Measurements.TICK_KEY, WindowSummary.empty(), wallClockMillis);
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
    context.forward(new Record<>(event.getIncidentId(), event, nowMillis), children.escalations());
    Measurements.of(event).ifPresent(m -> measured(m, event.getOccurredAt()));
  }

  @Override
  public void sla(SlaEvent event) {
    context.forward(new Record<>(event.getServiceId(), event, nowMillis), children.sla());
    Measurements.of(event).ifPresent(m -> measured(m, event.getOccurredAt()));
  }

  /**
   * Hands a measurement to the SLA windows, stamped with the time it was taken; during a
   * punctuation, whose measurements are all taken at its wall-clock time, it joins the batch.
   */
  private void measured(Map.Entry<String, WindowSummary> m, Instant takenAt) {
    if (batch != null && takenAt.toEpochMilli() == nowMillis) {
      batch.merge(m.getKey(), m.getValue(), WindowSummary::merge);
    } else {
      forwardMeasured(m.getKey(), m.getValue(), takenAt.toEpochMilli());
    }
  }

  private void forwardMeasured(String key, WindowSummary measured, long takenAtMillis) {
    context.forward(new Record<>(key, measured, takenAtMillis), children.measurements());
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
