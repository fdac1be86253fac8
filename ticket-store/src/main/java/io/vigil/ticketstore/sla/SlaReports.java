package io.vigil.ticketstore.sla;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SLA measurements back: MTTA, MTTR and breach counts per service and priority over a time
 * range (by when each was measured), and one incident's response times and breaches.
 */
@Singleton
public class SlaReports {

  private final Database db;

  public SlaReports(Database db) {
    this.db = db;
  }

  /**
   * One service and priority's figures over the range; a mean is null when nothing was measured.
   */
  @Serdeable
  public record SlaRow(
      String serviceId,
      String priority,
      long acknowledged,
      Long mttaMillis,
      long resolved,
      Long mttrMillis,
      long acknowledgeBreaches,
      long resolveBreaches) {}

  /** One incident's measured times and the targets it missed. */
  @Serdeable
  public record IncidentSla(
      Long timeToAcknowledgeMillis, Long timeToResolveMillis, List<Breach> breaches) {}

  /** A missed target. */
  @Serdeable
  public record Breach(String metric, long targetMillis, Instant at) {}

  /** Figures per service and priority for measurements in {@code [from, to)}. */
  public List<SlaRow> report(Instant from, Instant to, String serviceId) {
    String sql =
        "SELECT service_id, priority,"
            + " SUM(CASE WHEN kind = 'RECORDED' AND metric = 'TIME_TO_ACKNOWLEDGE' THEN 1 ELSE 0"
            + " END) AS acknowledged,"
            + " AVG(CASE WHEN kind = 'RECORDED' AND metric = 'TIME_TO_ACKNOWLEDGE'"
            + " THEN CAST(millis AS DOUBLE PRECISION) END) AS mtta,"
            + " SUM(CASE WHEN kind = 'RECORDED' AND metric = 'TIME_TO_RESOLVE' THEN 1 ELSE 0"
            + " END) AS resolved,"
            + " AVG(CASE WHEN kind = 'RECORDED' AND metric = 'TIME_TO_RESOLVE'"
            + " THEN CAST(millis AS DOUBLE PRECISION) END) AS mttr,"
            + " SUM(CASE WHEN kind = 'BREACHED' AND metric = 'TIME_TO_ACKNOWLEDGE' THEN 1 ELSE 0"
            + " END) AS ack_breaches,"
            + " SUM(CASE WHEN kind = 'BREACHED' AND metric = 'TIME_TO_RESOLVE' THEN 1 ELSE 0"
            + " END) AS resolve_breaches"
            + " FROM sla_events WHERE occurred_at >= ? AND occurred_at < ?"
            + (serviceId == null ? "" : " AND service_id = ?")
            + " GROUP BY service_id, priority ORDER BY service_id, priority";
    List<Object> values = new ArrayList<>(List.of(from, to));
    if (serviceId != null) {
      values.add(serviceId);
    }
    return db.query(
        "compute the SLA report",
        sql,
        rs ->
            new SlaRow(
                rs.getString("service_id"),
                rs.getString("priority"),
                rs.getLong("acknowledged"),
                mean(rs, "mtta"),
                rs.getLong("resolved"),
                mean(rs, "mttr"),
                rs.getLong("ack_breaches"),
                rs.getLong("resolve_breaches")),
        values.toArray());
  }

  /** The incident's latest measured times and every breach, oldest first. */
  public IncidentSla forIncident(String incidentId) {
    record Row(String metric, String kind, long millis, Instant at) {}
    List<Row> rows =
        db.query(
            "read the SLA of incident " + incidentId,
            "SELECT metric, kind, millis, occurred_at FROM sla_events WHERE incident_id = ?"
                + " ORDER BY occurred_at, event_id",
            rs ->
                new Row(
                    rs.getString("metric"),
                    rs.getString("kind"),
                    rs.getLong("millis"),
                    Database.instant(rs, "occurred_at")),
            incidentId);
    Long ack = null;
    Long resolve = null;
    List<Breach> breaches = new ArrayList<>();
    for (Row row : rows) {
      if (row.kind().equals("BREACHED")) {
        breaches.add(new Breach(row.metric(), row.millis(), row.at()));
      } else if (row.metric().equals("TIME_TO_ACKNOWLEDGE")) {
        ack = row.millis();
      } else {
        resolve = row.millis();
      }
    }
    return new IncidentSla(ack, resolve, breaches);
  }

  private static Long mean(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(value);
  }
}
