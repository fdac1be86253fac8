package io.vigil.classifier.desk;

import io.vigil.classifier.grouping.GroupWindow;
import io.vigil.classifier.grouping.ServiceWindow;
import io.vigil.classifier.grouping.ThresholdCount;
import io.vigil.classifier.heartbeat.HeartbeatState;
import io.vigil.classifier.incident.AlertState;
import io.vigil.classifier.incident.IncidentEvents;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.classifier.incident.IncidentStatus;
import io.vigil.classifier.incident.PendingCount;
import io.vigil.classifier.maintenance.HeldAlert;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The state one task of the classifier keeps for the services it owns, one named store per concern
 * (alerts held by maintenance windows included); a closed incident is indexed by the time its state
 * expires so a sweep drops it and its alerts, and an incident with repeats counted but not yet
 * published is indexed so a sweep publishes the count when it is due.
 */
public final class DeskState {

  public static final String INCIDENTS = "incidents";
  public static final String ALERTS = "alerts";
  public static final String GROUPS = "groups";
  public static final String THRESHOLDS = "thresholds";
  public static final String SERVICES = "services";
  public static final String HEARTBEATS = "heartbeats";
  public static final String EXPIRY = "closed-incidents-expiry";
  public static final String HELD = HeldAlert.STORE;

  /** {@code <incident id>/<dedup key>} for every alert of an incident (values empty). */
  public static final String MEMBERS = "incident-alerts";

  /** Ids of the incidents with a {@link PendingCount}, each with when it is due (epoch millis). */
  public static final String PENDING_COUNTS = "pending-counts";

  /** Every store the service desk uses, for the topology. */
  public static final List<String> STORES =
      List.of(
          INCIDENTS,
          ALERTS,
          GROUPS,
          THRESHOLDS,
          SERVICES,
          HEARTBEATS,
          EXPIRY,
          HELD,
          MEMBERS,
          PENDING_COUNTS);

  final KeyValueStore<String, IncidentState> incidents;
  final KeyValueStore<String, AlertState> alerts;
  final KeyValueStore<String, GroupWindow> groups;
  final KeyValueStore<String, ThresholdCount> thresholds;
  final KeyValueStore<String, ServiceWindow> services;
  final KeyValueStore<String, HeartbeatState> heartbeats;
  final KeyValueStore<String, String> expiry;
  final KeyValueStore<String, HeldAlert> held;
  final KeyValueStore<String, String> members;
  final KeyValueStore<String, String> pendingCounts;
  private final Duration retention;
  private final Duration countInterval;

  DeskState(ProcessorContext<?, ?> context, Duration retention, Duration countInterval) {
    this.incidents = context.getStateStore(INCIDENTS);
    this.alerts = context.getStateStore(ALERTS);
    this.groups = context.getStateStore(GROUPS);
    this.thresholds = context.getStateStore(THRESHOLDS);
    this.services = context.getStateStore(SERVICES);
    this.heartbeats = context.getStateStore(HEARTBEATS);
    this.expiry = context.getStateStore(EXPIRY);
    this.held = context.getStateStore(HELD);
    this.members = context.getStateStore(MEMBERS);
    this.pendingCounts = context.getStateStore(PENDING_COUNTS);
    this.retention = retention;
    this.countInterval = countInterval;
  }

  Duration retention() {
    return retention;
  }

  static String key(String serviceId, String part) {
    return serviceId + "/" + part;
  }

  IncidentState incident(String id) {
    return id == null ? null : incidents.get(id);
  }

  void save(IncidentState incident) {
    incidents.put(incident.id, incident);
  }

  /**
   * Counts {@code alert} (already added to {@link IncidentState#alertCount}) without publishing it
   * now: its count goes out with the incident's next {@code AlertGrouped}, at the latest one count
   * interval after the first repeat still unpublished. The caller saves the incident.
   */
  void holdCount(IncidentState incident, AlertEvent alert, String summary, long nowMillis) {
    if (incident.pendingCount == null) {
      incident.pendingCount = new PendingCount();
      // When it is due lives in the index, so the sweep reads only the incidents that are due.
      pendingCounts.put(incident.id, Long.toString(nowMillis + countInterval.toMillis()));
    }
    PendingCount p = incident.pendingCount;
    p.dedupKey = alert.getDedupKey();
    p.alertEventId = alert.getEventId();
    p.lastSeen = alert.getOccurredAt().toEpochMilli();
    p.summary = summary;
    p.receivedAt = alert.getReceivedAt().toEpochMilli();
  }

  /**
   * Says the incident's count was published by an event about to go out (it carries {@link
   * IncidentState#alertCount}); the caller saves the incident.
   */
  void countPublished(IncidentState incident) {
    if (incident.pendingCount != null) {
      incident.pendingCount = null;
      pendingCounts.delete(incident.id);
    }
  }

  /**
   * The {@code AlertGrouped} publishing the incident's pending count, if it has one; the incident
   * is saved without it.
   */
  Optional<IncidentEvent> publishCount(String incidentId) {
    IncidentState incident = incident(incidentId);
    PendingCount p = incident == null ? null : incident.pendingCount;
    if (p == null) {
      pendingCounts.delete(incidentId);
      return Optional.empty();
    }
    IncidentEvent event =
        IncidentEvents.grouped(
            incident,
            p.dedupKey,
            p.alertEventId,
            Instant.ofEpochMilli(p.lastSeen),
            p.summary,
            Instant.ofEpochMilli(p.receivedAt));
    countPublished(incident);
    save(incident);
    return Optional.of(event);
  }

  /** Whether the incident may have a pending count (a cheap check before {@link #publishCount}). */
  boolean mayHavePendingCount(String incidentId) {
    return pendingCounts.get(incidentId) != null;
  }

  /** The ids of the incidents whose pending count is due by {@code nowMillis}. */
  List<String> duePendingCounts(long nowMillis) {
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, String> it = pendingCounts.all()) {
      it.forEachRemaining(
          kv -> {
            if (dueBy(kv.value, nowMillis)) {
              ids.add(kv.key);
            }
          });
    }
    return ids;
  }

  private static boolean dueBy(String due, long nowMillis) {
    try {
      return Long.parseLong(due) <= nowMillis;
    } catch (NumberFormatException e) {
      return true; // unreadable: publish it now rather than never
    }
  }

  /** Indexes the dedup key as one of the incident's alerts, counting it when it is new there. */
  void addMember(IncidentState incident, String dedupKey) {
    String key = incident.id + "/" + dedupKey;
    if (members.get(key) == null) {
      members.put(key, ""); // the key says it all
      incident.distinctAlerts++;
    }
  }

  /** The dedup keys of the incident's alerts, in key order. */
  List<String> members(String incidentId) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        members.prefixScan(incidentId + "/", new StringSerializer())) {
      it.forEachRemaining(kv -> keys.add(kv.key.substring(incidentId.length() + 1)));
    }
    return keys;
  }

  /** Drops the index of the incident's alerts. */
  void dropMembers(String incidentId) {
    for (String dedupKey : members(incidentId)) {
      members.delete(incidentId + "/" + dedupKey);
    }
  }

  ServiceWindow service(String serviceId) {
    ServiceWindow w = services.get(serviceId);
    return w == null ? new ServiceWindow() : w;
  }

  /** Closes the incident and schedules its state to expire after the retention. */
  void close(IncidentState incident, IncidentStatus as, long nowMillis) {
    incident.close(as, nowMillis);
    save(incident);
    expiry.put(expiryKey(nowMillis + retention.toMillis(), incident.id), incident.id);
  }

  private static String expiryKey(long dueMillis, String incidentId) {
    return String.format("%019d/%s", Math.max(0, dueMillis), incidentId);
  }

  /**
   * Forgets closed incidents whose retention ended by {@code nowMillis}, with the alerts and group
   * still pointing at them; returns how many it dropped.
   */
  int expire(long nowMillis) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        expiry.range(expiryKey(0, ""), expiryKey(nowMillis, "~"))) {
      it.forEachRemaining(due::add);
    }
    int dropped = 0;
    for (KeyValue<String, String> entry : due) {
      expiry.delete(entry.key);
      IncidentState incident = incidents.get(entry.value);
      if (incident == null
          || incident.status.open()
          || incident.closedAt + retention.toMillis() > nowMillis) {
        continue; // reopened, or closed again later (a newer entry covers it)
      }
      for (String dedupKey : members(incident.id)) {
        String alertKey = key(incident.serviceId, dedupKey);
        AlertState alert = alerts.get(alertKey);
        if (alert != null && incident.id.equals(alert.incidentId) && !alert.firing) {
          alerts.delete(alertKey);
        }
      }
      dropMembers(incident.id);
      if (incident.groupKey != null) {
        String groupKey = key(incident.serviceId, incident.groupKey);
        GroupWindow group = groups.get(groupKey);
        if (group != null && incident.id.equals(group.incidentId)) {
          groups.delete(groupKey);
        }
      }
      pendingCounts.delete(incident.id);
      incidents.delete(incident.id);
      dropped++;
    }
    return dropped;
  }
}
