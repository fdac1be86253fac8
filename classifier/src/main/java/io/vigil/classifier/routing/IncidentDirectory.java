package io.vigil.classifier.routing;

import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentMerged;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.IncidentReopened;
import io.vigil.schemas.IncidentResolved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which service each incident belongs to, learnt from the classifier's own {@code
 * vigil.incidents.v1} in the very task that receives the commands for those incidents (both topics
 * are keyed by incident id and equally partitioned); an incident closed for longer than the
 * retention is forgotten, its delete a tombstone that compacts the store's changelog.
 */
public final class IncidentDirectory {

  /** Incident id to {@link DirectoryEntry}. */
  public static final String STORE = "incident-directory";

  /** {@code <due millis, 19 digits>/<incident id>} to incident id, for closed incidents. */
  public static final String EXPIRY = "incident-directory-expiry";

  private final KeyValueStore<String, DirectoryEntry> entries;
  private final KeyValueStore<String, String> expiry;
  private final Duration retention;

  IncidentDirectory(
      KeyValueStore<String, DirectoryEntry> entries,
      KeyValueStore<String, String> expiry,
      Duration retention) {
    this.entries = entries;
    this.expiry = expiry;
    this.retention = retention;
  }

  /** The service of the incident, if the directory knows it. */
  Optional<String> serviceOf(String incidentId) {
    DirectoryEntry entry = incidentId == null ? null : entries.get(incidentId);
    return entry == null ? Optional.empty() : Optional.of(entry.serviceId);
  }

  /**
   * Learns from one incident event at wall-clock {@code now}; true when it made the incident known
   * (it opened), so commands waiting for it can go on.
   */
  boolean learn(IncidentEvent event, long now) {
    String id = event.getIncidentId();
    Object payload = event.getEvent();
    if (payload instanceof IncidentOpened) {
      boolean known = entries.get(id) != null;
      entries.put(id, new DirectoryEntry(event.getServiceId()));
      return !known;
    }
    DirectoryEntry entry = entries.get(id);
    if (entry == null) {
      return false;
    }
    if (payload instanceof IncidentResolved || payload instanceof IncidentMerged) {
      entry.closedAt = now;
      entries.put(id, entry);
      expiry.put(expiryKey(now + retention.toMillis(), id), id);
    } else if (payload instanceof IncidentReopened && entry.closedAt != null) {
      entry.closedAt = null;
      entries.put(id, entry);
    }
    return false;
  }

  /** Forgets incidents closed for the retention by {@code now}; returns how many. */
  int expire(long now) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        expiry.range(expiryKey(0, ""), expiryKey(now, "~"))) {
      it.forEachRemaining(due::add);
    }
    int dropped = 0;
    for (KeyValue<String, String> next : due) {
      expiry.delete(next.key);
      DirectoryEntry entry = entries.get(next.value);
      if (entry != null && entry.closedAt != null && entry.closedAt + retention.toMillis() <= now) {
        entries.delete(next.value);
        dropped++;
      }
    }
    return dropped;
  }

  private static String expiryKey(long dueMillis, String incidentId) {
    return String.format("%019d/%s", Math.max(0, dueMillis), incidentId);
  }
}
