package io.vigil.classifier.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the classifier remembers of one incident (open, or closed and not yet expired): its status,
 * classification, how many alerts it holds and how many of them fire at which severity (the alerts
 * themselves are indexed apart, so an incident of thousands of alerts stays a small value),
 * responders and recent commands. A changelogged store value, changed only by the rules within one
 * record's processing.
 */
public final class IncidentState {

  /** How many command ids an incident remembers to ignore a re-sent command. */
  static final int REMEMBERED_COMMANDS = 32;

  public String id;
  public String serviceId;
  public IncidentKind kind = IncidentKind.ALERT;
  public IncidentStatus status = IncidentStatus.TRIGGERED;
  public String dedupKey;
  public String groupKey;
  public long windowStart;
  public Severity severity;
  public Priority priority;
  public IncidentClass incidentClass;
  public Urgency urgency;
  public Map<String, String> labels = new LinkedHashMap<>();
  public long alertCount;
  public long distinctAlerts;
  public long firingAlerts;
  public Map<Severity, Long> firingBySeverity = new EnumMap<>(Severity.class);
  public boolean flapping;
  public int acknowledgements;
  public int resolutions;
  public List<String> responders = new ArrayList<>();
  public Long snoozedUntil;
  public Long closedAt;
  public String mergedInto;
  public List<String> recentCommands = new ArrayList<>();

  /** Repeats counted into {@link #alertCount} and not yet published, or null when none are. */
  @JsonInclude(JsonInclude.Include.NON_NULL) // most incidents have none: not a byte for them
  public PendingCount pendingCount;

  /** For the JSON serde. */
  public IncidentState() {}

  public IncidentState(String id, String serviceId, IncidentKind kind, String dedupKey) {
    this.id = Objects.requireNonNull(id, "id");
    this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.dedupKey = Objects.requireNonNull(dedupKey, "dedupKey");
  }

  /** The status at {@code atMillis}: a snooze that has run out leaves the incident triggered. */
  public IncidentStatus statusAt(long atMillis) {
    if (status == IncidentStatus.SNOOZED && snoozedUntil != null && atMillis >= snoozedUntil) {
      return IncidentStatus.TRIGGERED;
    }
    return status;
  }

  /** The most severe severity among the firing alerts, or the last known one when none fires. */
  public Severity currentSeverity() {
    for (Severity s : Severity.values()) { // CRITICAL is the first symbol
      if (firingBySeverity.getOrDefault(s, 0L) > 0) {
        return s;
      }
    }
    return severity;
  }

  /** One more of its alerts fires, at {@code at}. */
  public void fire(Severity at) {
    firingAlerts++;
    if (at != null) {
      firingBySeverity.merge(at, 1L, Long::sum);
    }
  }

  /** One of its alerts, firing at {@code at}, stopped. */
  public void quiet(Severity at) {
    firingAlerts = Math.max(0, firingAlerts - 1);
    if (at != null && firingBySeverity.getOrDefault(at, 0L) > 0) {
      firingBySeverity.merge(at, -1L, Long::sum);
    }
  }

  /** None of its alerts fires any more. */
  public void quietAll() {
    firingAlerts = 0;
    firingBySeverity.clear();
  }

  /** Records a command id; false when the incident already handled it. */
  public boolean rememberCommand(String commandId) {
    if (recentCommands.contains(commandId)) {
      return false;
    }
    recentCommands.add(commandId);
    if (recentCommands.size() > REMEMBERED_COMMANDS) {
      recentCommands.remove(0);
    }
    return true;
  }

  /** Closes the incident with that status at wall-clock {@code atMillis}. */
  public void close(IncidentStatus closedAs, long atMillis) {
    status = closedAs;
    closedAt = atMillis;
    snoozedUntil = null;
  }
}
