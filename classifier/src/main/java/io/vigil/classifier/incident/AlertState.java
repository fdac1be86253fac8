package io.vigil.classifier.incident;

import io.vigil.schemas.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What the classifier remembers of one (service, dedup key): the incident it belongs to (open, or
 * the last one while it is retained), whether it fires and at which severity, its latest trigger
 * and resolve times (event time, to drop stale out-of-order events) and its recent
 * resolve/re-trigger transitions (flap detection).
 */
public final class AlertState {

  public String incidentId;
  public boolean firing;
  public Severity severity;
  public long lastTriggerAt = Long.MIN_VALUE;
  public long lastResolveAt = Long.MIN_VALUE;
  public List<Long> transitions = new ArrayList<>();

  /** For the JSON serde. */
  public AlertState() {}

  public AlertState(String incidentId) {
    this.incidentId = incidentId;
  }

  /**
   * Adds a transition at {@code at} and forgets those older than {@code withinMillis} before it.
   */
  public int transition(long at, long withinMillis) {
    transitions.add(at);
    transitions.removeIf(t -> t < at - withinMillis);
    return transitions.size();
  }
}
