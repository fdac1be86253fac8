package io.vigil.classifier.desk;

import io.vigil.classifier.classify.Classification;
import io.vigil.classifier.classify.Classifier;
import io.vigil.classifier.heartbeat.HeartbeatState;
import io.vigil.classifier.incident.IncidentEvents;
import io.vigil.classifier.incident.IncidentIds;
import io.vigil.classifier.incident.IncidentKind;
import io.vigil.classifier.incident.IncidentState;
import io.vigil.classifier.incident.IncidentStatus;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentResolved;
import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * A dead-man's switch: a heartbeat that does not check in within its interval (wall-clock time,
 * from its last check-in) opens a critical incident; its next check-in resolves that incident.
 */
final class HeartbeatRules {

  static final String ACTOR = "heartbeat";

  private final DeskState state;

  HeartbeatRules(DeskState state) {
    this.state = state;
  }

  /** The configured heartbeat a check-in names, if the service has it. */
  static Optional<Service.Heartbeat> heartbeat(Service service, String id) {
    return service.heartbeats().stream().filter(h -> h.id().equals(id)).findFirst();
  }

  /** Records a check-in; resolves the incident the heartbeat's silence opened, if any. */
  List<IncidentEvent> checkIn(AlertEvent alert, Service service, long now) {
    List<IncidentEvent> out = new ArrayList<>();
    String key = DeskState.key(service.id(), alert.getDedupKey());
    HeartbeatState hb = state.heartbeats.get(key);
    long seen = alert.getReceivedAt().toEpochMilli();
    hb = hb == null ? new HeartbeatState(service.id(), alert.getDedupKey(), seen) : hb;
    hb.lastSeen = Math.max(hb.lastSeen, seen);
    IncidentState incident = state.incident(hb.incidentId);
    if (incident != null && incident.status.open()) {
      out.add(
          IncidentEvents.event(
              IncidentIds.resolved(incident.id, incident.resolutions),
              incident.id,
              incident.serviceId,
              alert.getReceivedAt(),
              IncidentResolved.newBuilder().setActor(ACTOR).build()));
      incident.resolutions++;
      incident.quietAll();
      state.close(incident, IncidentStatus.RESOLVED, now);
    }
    hb.incidentId = null;
    state.heartbeats.put(key, hb);
    return out;
  }

  /**
   * Opens an incident for every watched heartbeat overdue at wall-clock {@code now}, as {@code
   * document} declares them, classified by {@code rules}.
   */
  List<IncidentEvent> sweep(VigilConfig document, Classifier rules, long now) {
    List<KeyValue<String, HeartbeatState>> watched = new ArrayList<>();
    try (KeyValueIterator<String, HeartbeatState> it = state.heartbeats.all()) {
      it.forEachRemaining(watched::add);
    }
    List<IncidentEvent> out = new ArrayList<>();
    for (KeyValue<String, HeartbeatState> entry : watched) {
      HeartbeatState hb = entry.value;
      Optional<Service> service = document.service(hb.serviceId);
      Optional<Service.Heartbeat> beat = service.flatMap(s -> heartbeat(s, hb.heartbeatId));
      if (beat.isEmpty()) {
        state.heartbeats.delete(entry.key); // removed from the configuration: no longer watched
        continue;
      }
      long due = hb.lastSeen + beat.get().interval().toMillis();
      if (hb.incidentId == null && now >= due) {
        hb.incidentId = open(service.get(), beat.get(), hb, rules, out);
        state.heartbeats.put(entry.key, hb);
      }
    }
    return out;
  }

  private String open(
      Service service,
      Service.Heartbeat beat,
      HeartbeatState hb,
      Classifier rules,
      List<IncidentEvent> out) {
    String id = IncidentIds.heartbeatIncidentId(service.id(), beat.id(), hb.lastSeen);
    String dedupKey = "heartbeat/" + beat.id();
    IncidentState incident = new IncidentState(id, service.id(), IncidentKind.HEARTBEAT, dedupKey);
    incident.severity = Severity.CRITICAL;
    incident.alertCount = 1;
    incident.distinctAlerts = 1;
    Map<String, String> labels = Map.of("heartbeat", beat.id());
    incident.labels = new java.util.LinkedHashMap<>(labels);
    Classification c = rules.classify(Severity.CRITICAL, service.id(), service.tier(), labels);
    incident.priority = c.priority();
    incident.incidentClass = c.incidentClass();
    incident.urgency = c.urgency();
    Instant due = Instant.ofEpochMilli(hb.lastSeen).plus(beat.interval());
    String title =
        "Heartbeat "
            + beat.id()
            + " missed: no check-in within "
            + io.vigil.config.Durations.format(beat.interval())
            + " (last at "
            + Instant.ofEpochMilli(hb.lastSeen)
            + ")";
    out.add(
        IncidentEvents.opened(
            incident,
            title,
            c,
            service.escalationPolicy(),
            "heartbeat:" + beat.id() + "@" + hb.lastSeen,
            due,
            labels,
            List.of(),
            due));
    state.save(incident);
    return id;
  }
}
