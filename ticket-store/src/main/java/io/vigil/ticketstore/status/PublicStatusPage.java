package io.vigil.ticketstore.status;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.db.Database;
import io.vigil.ticketstore.status.ServiceStates.OpenIncidents;
import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.ticket.TicketLookup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public status page's data, showing only what is public: the services marked {@code public:
 * true} in the configuration in force now, each with its state, open incident count and 90-day
 * history; and the incidents of those services that responders posted public updates for, with the
 * public title and messages only.
 */
@Singleton
public class PublicStatusPage {

  private final LiveConfig config;
  private final ServiceStates states;
  private final StatusUpdates updates;
  private final TicketLookup tickets;
  private final Database db;

  public PublicStatusPage(
      LiveConfig config,
      ServiceStates states,
      StatusUpdates updates,
      TicketLookup tickets,
      Database db) {
    this.config = config;
    this.states = states;
    this.updates = updates;
    this.tickets = tickets;
    this.db = db;
  }

  /** {@code GET /status.json}. */
  @Serdeable
  public record Page(
      Instant generatedAt,
      String state,
      List<ServiceStatus> services,
      List<PublicIncident> incidents) {}

  /** One public service: its state now and its history, oldest day first. */
  @Serdeable
  public record ServiceStatus(
      String id,
      String name,
      String state,
      int openIncidents,
      double uptime,
      List<HistoryDay> history) {}

  /** One UTC day of a service's history. */
  @Serdeable
  public record HistoryDay(LocalDate date, String state, double uptime) {}

  /** An incident with public updates, newest update first. */
  @Serdeable
  public record PublicIncident(
      String id,
      String serviceId,
      String serviceName,
      String title,
      String status,
      Instant startedAt,
      Instant updatedAt,
      List<PublicUpdate> updates) {}

  /** One public update. */
  @Serdeable
  public record PublicUpdate(String status, String message, Instant at) {}

  /** The page as of {@code now}. */
  public Page build(Instant now) {
    VigilConfig current = config.current();
    List<Service> publicServices = current.services().stream().filter(Service::isPublic).toList();
    Map<String, OpenIncidents> open = states.openIncidents();
    Map<String, List<StatusHistory.Span>> spans = spans(now);
    ServiceState overall = ServiceState.OPERATIONAL;
    List<ServiceStatus> services = new ArrayList<>();
    for (Service service : publicServices) {
      OpenIncidents o = open.getOrDefault(service.id(), OpenIncidents.NONE);
      ServiceState state = ServiceStates.state(service, o, now);
      overall = overall.worst(state);
      StatusHistory.History history =
          StatusHistory.of(
              spans.getOrDefault(service.id(), List.of()),
              service.maintenance(),
              now,
              StatusHistory.DAYS);
      services.add(
          new ServiceStatus(
              service.id(),
              name(service),
              state.label(),
              o.total(),
              history.uptime(),
              history.days().stream()
                  .map(d -> new HistoryDay(d.date(), d.state().label(), d.uptime()))
                  .toList()));
    }
    return new Page(now, overall.label(), services, incidents(current, now));
  }

  /** The incidents with public updates whose service is public now. */
  private List<PublicIncident> incidents(VigilConfig current, Instant now) {
    List<PublicIncident> shown = new ArrayList<>();
    for (Map.Entry<String, List<StatusUpdate>> e : updates.shown(now).entrySet()) {
      Optional<Ticket> ticket = tickets.find(e.getKey());
      Optional<Service> service =
          ticket.flatMap(t -> current.service(t.serviceId())).filter(Service::isPublic);
      if (service.isEmpty()) {
        continue;
      }
      List<StatusUpdate> newestFirst = e.getValue();
      StatusUpdate latest = newestFirst.get(0);
      StatusUpdate first = newestFirst.get(newestFirst.size() - 1);
      String title =
          newestFirst.stream()
              .map(StatusUpdate::title)
              .filter(t -> t != null)
              .findFirst()
              .orElse(name(service.get()) + " incident");
      shown.add(
          new PublicIncident(
              e.getKey(),
              service.get().id(),
              name(service.get()),
              title,
              latest.status().label(),
              first.at(),
              latest.at(),
              newestFirst.stream()
                  .map(u -> new PublicUpdate(u.status().label(), u.message(), u.at()))
                  .toList()));
    }
    return shown;
  }

  /**
   * The critical and major incidents of every service that were open at some time in the history's
   * range, by service. An incident counts from detection to its (last) resolution, in its current
   * class.
   */
  private Map<String, List<StatusHistory.Span>> spans(Instant now) {
    Instant since = now.minus(Duration.ofDays(StatusHistory.DAYS + 1L));
    record Row(String serviceId, StatusHistory.Span span) {}
    List<Row> rows =
        db.query(
            "read the incidents of the status history",
            "SELECT service_id, incident_class, first_seen, resolved_at FROM tickets"
                + " WHERE incident_class IN ('CRITICAL', 'MAJOR') AND first_seen IS NOT NULL"
                + " AND first_seen < ? AND (resolved_at IS NULL OR resolved_at >= ?)",
            rs ->
                new Row(
                    rs.getString("service_id"),
                    new StatusHistory.Span(
                        Database.instant(rs, "first_seen"),
                        Database.instant(rs, "resolved_at"),
                        rs.getString("incident_class"))),
            now,
            since);
    Map<String, List<StatusHistory.Span>> byService = new HashMap<>();
    for (Row row : rows) {
      byService.computeIfAbsent(row.serviceId(), k -> new ArrayList<>()).add(row.span());
    }
    return byService;
  }

  private static String name(Service service) {
    return service.name() == null || service.name().isBlank() ? service.id() : service.name();
  }
}
