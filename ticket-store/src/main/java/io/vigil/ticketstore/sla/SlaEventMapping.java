package io.vigil.ticketstore.sla;

import io.vigil.schemas.ResponseTimeRecorded;
import io.vigil.schemas.SlaBreached;
import io.vigil.schemas.SlaEvent;
import io.vigil.schemas.SlaMetric;
import io.vigil.schemas.SlaWindowSummarized;
import java.util.Optional;

/**
 * Turns an {@code SlaEvent} into the measurement it stands for; the Avro types stop here, and an
 * unknown metric or shape is rejected (and dead-lettered by the listener). Windowed summaries are
 * the escalation service's own roll-up of the same measurements, so the store, which keeps every
 * measurement and aggregates over any range, has nothing to take from them.
 */
public final class SlaEventMapping {

  private SlaEventMapping() {}

  /** The measurement {@code event} records; empty for a windowed summary. */
  public static Optional<SlaMeasurement> toMeasurement(SlaEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("SLA record has no value");
    }
    Object body = event.getEvent();
    if (body instanceof SlaWindowSummarized) {
      return Optional.empty();
    }
    if (body instanceof ResponseTimeRecorded r) {
      return Optional.of(
          new SlaMeasurement(
              event.getEventId(),
              event.getServiceId(),
              r.getIncidentId(),
              r.getPriority().name(),
              metric(r.getMetric(), event),
              SlaMeasurement.Kind.RECORDED,
              r.getMillis(),
              event.getOccurredAt()));
    }
    if (body instanceof SlaBreached b) {
      return Optional.of(
          new SlaMeasurement(
              event.getEventId(),
              event.getServiceId(),
              b.getIncidentId(),
              b.getPriority().name(),
              metric(b.getMetric(), event),
              SlaMeasurement.Kind.BREACHED,
              b.getTargetMillis(),
              event.getOccurredAt()));
    }
    throw new IllegalArgumentException(
        "unknown SLA event "
            + (body == null ? "null" : body.getClass().getSimpleName())
            + " in "
            + event.getEventId());
  }

  private static SlaMeasurement.Metric metric(SlaMetric metric, SlaEvent event) {
    if (metric == SlaMetric.TIME_TO_ACKNOWLEDGE) {
      return SlaMeasurement.Metric.TIME_TO_ACKNOWLEDGE;
    }
    if (metric == SlaMetric.TIME_TO_RESOLVE) {
      return SlaMeasurement.Metric.TIME_TO_RESOLVE;
    }
    throw new IllegalArgumentException(
        "unknown SLA metric " + metric + " in " + event.getEventId());
  }
}
