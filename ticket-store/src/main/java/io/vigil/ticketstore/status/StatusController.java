package io.vigil.ticketstore.status;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.ticketstore.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /status.json}, public and without a token: the state of each service marked {@code
 * public: true}, derived from its open incidents' classes and its maintenance windows; it shows no
 * incident titles or ids.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

  private final BeanProvider<VigilConfig> config;
  private final Database db;

  public StatusController(BeanProvider<VigilConfig> config, Database db) {
    this.config = config;
    this.db = db;
  }

  /** The status page's data. */
  @Serdeable
  public record StatusPage(Instant generatedAt, String state, List<ServiceStatus> services) {}

  /** One public service. */
  @Serdeable
  public record ServiceStatus(String id, String name, String state, int openIncidents) {}

  @Get("/status.json")
  @Operation(
      summary =
          "Public services' states: operational, degraded, major_outage (an open critical"
              + " incident) or maintenance")
  public StatusPage status() {
    Instant now = Instant.now();
    record Open(String serviceId, String incidentClass, int count) {}
    Map<String, List<Open>> open = new HashMap<>();
    db.query(
            "read open incidents per service",
            "SELECT service_id, incident_class, COUNT(*) AS n FROM tickets"
                + " WHERE status <> 'RESOLVED' GROUP BY service_id, incident_class",
            rs ->
                new Open(
                    rs.getString("service_id"), rs.getString("incident_class"), rs.getInt("n")))
        .forEach(o -> open.computeIfAbsent(o.serviceId(), k -> new ArrayList<>()).add(o));
    ServiceState overall = ServiceState.OPERATIONAL;
    List<ServiceStatus> services = new ArrayList<>();
    for (Service service : config.get().services()) {
      if (!service.isPublic()) {
        continue;
      }
      List<Open> incidents = open.getOrDefault(service.id(), List.of());
      boolean maintenance =
          service.maintenance().stream()
              .anyMatch(
                  w ->
                      w.start() != null
                          && w.end() != null
                          && !now.isBefore(w.start().toInstant())
                          && now.isBefore(w.end().toInstant()));
      ServiceState state =
          ServiceState.derive(maintenance, incidents.stream().map(Open::incidentClass).toList());
      overall = overall.worst(state);
      services.add(
          new ServiceStatus(
              service.id(),
              service.name() == null ? service.id() : service.name(),
              state.label(),
              incidents.stream().mapToInt(Open::count).sum()));
    }
    return new StatusPage(now, overall.label(), services);
  }
}
