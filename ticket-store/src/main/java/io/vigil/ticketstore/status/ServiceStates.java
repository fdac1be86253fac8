package io.vigil.ticketstore.status;

import io.vigil.config.Service;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's state now, the same for the public status page and the API: derived from the classes
 * of its open (triggered or acknowledged) incidents and whether a maintenance window is active.
 */
@Singleton
public class ServiceStates {

  private final Database db;

  public ServiceStates(Database db) {
    this.db = db;
  }

  /** A service's open incidents by status, and the classes among them. */
  public record OpenIncidents(int triggered, int acknowledged, List<String> classes) {

    public static final OpenIncidents NONE = new OpenIncidents(0, 0, List.of());

    public int total() {
      return triggered + acknowledged;
    }
  }

  /**
   * Every service's open incidents, by service id, in one query; services without any are absent.
   */
  public Map<String, OpenIncidents> openIncidents() {
    record Row(String serviceId, String incidentClass, String status, int count) {}
    List<Row> rows =
        db.query(
            "read open incidents per service",
            "SELECT service_id, incident_class, status, COUNT(*) AS n FROM tickets"
                + " WHERE status <> 'RESOLVED' GROUP BY service_id, incident_class, status",
            rs ->
                new Row(
                    rs.getString("service_id"),
                    rs.getString("incident_class"),
                    rs.getString("status"),
                    rs.getInt("n")));
    Map<String, OpenIncidents> open = new HashMap<>();
    for (Row row : rows) {
      OpenIncidents before = open.getOrDefault(row.serviceId(), OpenIncidents.NONE);
      boolean triggered = "TRIGGERED".equals(row.status());
      List<String> classes =
          row.incidentClass() == null || before.classes().contains(row.incidentClass())
              ? before.classes()
              : append(before.classes(), row.incidentClass());
      open.put(
          row.serviceId(),
          new OpenIncidents(
              before.triggered() + (triggered ? row.count() : 0),
              before.acknowledged() + (triggered ? 0 : row.count()),
              classes));
    }
    return open;
  }

  /** The open incidents of one service. */
  public OpenIncidents openIncidents(String serviceId) {
    return openIncidents().getOrDefault(serviceId, OpenIncidents.NONE);
  }

  /** The state of {@code service} at {@code now} given its open incidents. */
  public static ServiceState state(Service service, OpenIncidents open, Instant now) {
    return ServiceState.derive(inMaintenance(service, now), open.classes());
  }

  /** Whether one of the service's maintenance windows is active at {@code now}. */
  public static boolean inMaintenance(Service service, Instant now) {
    return service.maintenance().stream()
        .anyMatch(
            w ->
                w.start() != null
                    && w.end() != null
                    && !now.isBefore(w.start().toInstant())
                    && now.isBefore(w.end().toInstant()));
  }

  private static List<String> append(List<String> list, String value) {
    return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(value))
        .toList();
  }
}
