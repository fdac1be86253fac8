package io.vigil.bench.stack;

import io.vigil.bench.page.PageBodies;
import io.vigil.bench.stats.Samples;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.NotificationEvent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * When each probe's records were first seen on each topic of its path after vigil.alerts.v1 (the
 * 2xx says the alert is there), and the time from its send to each: its {@code IncidentOpened} (the
 * title names the probe), then the first escalation and notification records of that incident.
 * Written by one reader, read by another.
 */
public final class HopTimes {

  /** The topics of the path, in order. */
  public enum Hop {
    INCIDENT("IncidentOpened on vigil.incidents.v1"),
    ESCALATION("first page on vigil.escalations.v1"),
    NOTIFICATION("first attempt on vigil.notifications.v1");

    public final String label;

    Hop(String label) {
      this.label = label;
    }
  }

  private final Map<Long, Long> openedSeen = new ConcurrentHashMap<>();
  private final Map<String, Long> probeOfIncident = new ConcurrentHashMap<>();
  private final Map<String, Long> escalationSeen = new ConcurrentHashMap<>();
  private final Map<String, Long> notificationSeen = new ConcurrentHashMap<>();

  /** Stamps one record seen at {@code now} (nanoTime). */
  public void see(SpecificRecord value, long now) {
    if (value instanceof IncidentEvent e && e.getEvent() instanceof IncidentOpened o) {
      opened(e.getIncidentId(), o.getTitle(), now);
    } else if (value instanceof EscalationEvent e) {
      escalation(e.getIncidentId(), now);
    } else if (value instanceof NotificationEvent n) {
      notification(n.getIncidentId(), now);
    }
  }

  void opened(String incidentId, String title, long now) {
    for (long probe : PageBodies.probes(title)) {
      openedSeen.putIfAbsent(probe, now);
      probeOfIncident.putIfAbsent(incidentId, probe);
    }
  }

  void escalation(String incidentId, long now) {
    escalationSeen.putIfAbsent(incidentId, now);
  }

  void notification(String incidentId, long now) {
    notificationSeen.putIfAbsent(incidentId, now);
  }

  /**
   * For each hop, the time from each probe's {@code sentNanos} to its record becoming visible there
   * (probes never seen on a hop have no sample for it).
   */
  public Map<Hop, Samples> since(Map<Long, Long> sentNanos) {
    Map<Hop, Samples> out = new EnumMap<>(Hop.class);
    for (Hop hop : Hop.values()) {
      out.put(hop, new Samples());
    }
    Map<Long, String> incidentOfProbe = new HashMap<>();
    probeOfIncident.forEach((incident, probe) -> incidentOfProbe.put(probe, incident));
    sentNanos.forEach(
        (probe, sent) -> {
          add(out.get(Hop.INCIDENT), openedSeen.get(probe), sent);
          String incident = incidentOfProbe.get(probe);
          if (incident != null) {
            add(out.get(Hop.ESCALATION), escalationSeen.get(incident), sent);
            add(out.get(Hop.NOTIFICATION), notificationSeen.get(incident), sent);
          }
        });
    return out;
  }

  private static void add(Samples samples, Long seen, long sent) {
    if (seen != null) {
      samples.add(seen - sent);
    }
  }
}
