package io.vigil.ticketstore.ticket;

import io.vigil.ticketstore.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL a ticket change makes, written in the order the events came, with consecutive statements
 * of the same text sent as one JDBC batch (one round trip instead of one per event); a missing
 * ticket is left alone, and an opened incident's ticket is inserted or, if it exists, replaced.
 * Nothing is read first, so the statements never wait on a query plan over the whole table.
 */
final class TicketWrites {

  /** One statement and its values. */
  record Statement(String sql, Object[] values) {}

  private static final String UPSERT_COLUMNS =
      "service_id = ?, dedup_key = ?, title = ?, severity = ?, priority = ?, incident_class = ?,"
          + " urgency = ?, status = ?, alert_count = ?, first_seen = ?, last_seen = ?,"
          + " acknowledged_at = ?, resolved_at = ?, escalation_policy_id = ?, updated_at = ?";

  private static final String INSERT_OPENED =
      "INSERT INTO tickets (service_id, dedup_key, title, severity, priority, incident_class,"
          + " urgency, status, alert_count, first_seen, last_seen, acknowledged_at, resolved_at,"
          + " escalation_policy_id, updated_at, incident_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String REPLACE_OPENED =
      "UPDATE tickets SET " + UPSERT_COLUMNS + " WHERE incident_id = ?";

  private final List<Statement> statements = new ArrayList<>();

  /** Adds what {@code change} does to the ticket of {@code incidentId}. */
  void add(String incidentId, Instant at, TicketChange change) {
    if (change instanceof TicketChange.Open o) {
      Object[] values = {
        o.serviceId(),
        o.dedupKey(),
        o.title(),
        o.severity(),
        o.priority(),
        o.incidentClass(),
        o.urgency(),
        TicketStatus.TRIGGERED.name(),
        1L,
        o.firstSeen(),
        o.firstSeen(),
        null,
        null,
        o.escalationPolicyId(),
        at,
        incidentId
      };
      // Inserted, or, when the ticket exists (an incident opened again), replaced: see execute.
      statements.add(new Statement(INSERT_OPENED, values));
    } else if (change instanceof TicketChange.AlertsGrouped g) {
      update("alert_count = ?, last_seen = ?", incidentId, at, g.alertCount(), g.lastSeen());
    } else if (change instanceof TicketChange.Reclassify r) {
      update(
          "severity = ?, priority = ?, incident_class = ?, urgency = ?",
          incidentId,
          at,
          r.severity(),
          r.priority(),
          r.incidentClass(),
          r.urgency());
    } else if (change instanceof TicketChange.Acknowledge ack) {
      update(
          "status = ?, acknowledged_at = ?",
          incidentId,
          at,
          TicketStatus.ACKNOWLEDGED.name(),
          ack.at());
    } else if (change instanceof TicketChange.Resolve resolve) {
      update(
          "status = ?, resolved_at = ?",
          incidentId,
          at,
          TicketStatus.RESOLVED.name(),
          resolve.at());
    } else if (change instanceof TicketChange.Reopen) {
      update(
          "status = ?, acknowledged_at = NULL, resolved_at = NULL",
          incidentId,
          at,
          TicketStatus.TRIGGERED.name());
    }
  }

  private void update(String set, String incidentId, Instant at, Object... values) {
    Object[] all = new Object[values.length + 2];
    System.arraycopy(values, 0, all, 0, values.length);
    all[values.length] = at;
    all[values.length + 1] = incidentId;
    statements.add(
        new Statement("UPDATE tickets SET " + set + ", updated_at = ? WHERE incident_id = ?", all));
  }

  /**
   * Runs the statements in order, each run of the same text as one batch; an opened incident whose
   * ticket exists already is replaced right after its run.
   */
  void execute(Connection c) throws SQLException {
    int from = 0;
    while (from < statements.size()) {
      String sql = statements.get(from).sql();
      int to = from;
      while (to < statements.size() && statements.get(to).sql().equals(sql)) {
        to++;
      }
      int[] counts;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = from; i < to; i++) {
          Database.bind(ps, statements.get(i).values());
          ps.addBatch();
        }
        counts = ps.executeBatch();
      }
      if (sql.equals(INSERT_OPENED)) {
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            Database.update(c, REPLACE_OPENED, statements.get(from + i).values());
          }
        }
      }
      from = to;
    }
    statements.clear();
  }
}
