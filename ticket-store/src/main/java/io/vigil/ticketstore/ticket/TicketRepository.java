package io.vigil.ticketstore.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The queries of the {@code tickets} table, on a connection the caller owns; what events write is
 * in {@link TicketWrites}.
 */
final class TicketRepository {

  private static final String COLUMNS =
      "incident_id, service_id, dedup_key, title, severity, priority, incident_class, urgency,"
          + " status, alert_count, first_seen, last_seen, acknowledged_at, resolved_at,"
          + " escalation_policy_id, updated_at";

  Optional<Ticket> find(Connection c, String incidentId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM tickets WHERE incident_id = ?")) {
      ps.setString(1, incidentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Tickets matching {@code query} in its order, at most {@code max}, starting after its cursor
   * (keyset pagination: each page is one index range scan, however deep).
   */
  List<Ticket> list(Connection c, TicketQuery query, int max) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tickets WHERE 1 = 1");
    List<Object> values = new ArrayList<>();
    query.status().ifPresent(s -> where(sql, values, " AND status = ?", s.name()));
    query.serviceId().ifPresent(s -> where(sql, values, " AND service_id = ?", s));
    query.priority().ifPresent(p -> where(sql, values, " AND priority = ?", p));
    query.from().ifPresent(f -> where(sql, values, " AND first_seen >= ?", f));
    query.to().ifPresent(t -> where(sql, values, " AND first_seen < ?", t));
    query
        .text()
        .ifPresent(
            q -> {
              String like =
                  "%"
                      + q.toLowerCase(Locale.ROOT)
                          .replace("\\", "\\\\")
                          .replace("%", "\\%")
                          .replace("_", "\\_")
                      + "%";
              where(
                  sql,
                  values,
                  " AND (LOWER(title) LIKE ? OR LOWER(dedup_key) LIKE ? OR incident_id = ?)",
                  like,
                  like,
                  q);
            });
    query.cursor().ifPresent(k -> after(sql, values, query.sort(), k));
    sql.append(
        switch (query.sort()) {
          case NEWEST -> " ORDER BY first_seen DESC, incident_id DESC";
          case OLDEST -> " ORDER BY first_seen ASC, incident_id ASC";
          case PRIORITY -> " ORDER BY priority ASC, first_seen DESC, incident_id DESC";
        });
    sql.append(" LIMIT ?");
    values.add(max);
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      bind(ps, values.toArray());
      List<Ticket> tickets = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tickets.add(read(rs));
        }
      }
      return tickets;
    }
  }

  /**
   * Narrows the listing to what comes after the cursor. The redundant leading bound ({@code
   * first_seen <= ?}) lets PostgreSQL turn the condition into an index range instead of a filter.
   */
  private static void after(
      StringBuilder sql, List<Object> values, TicketSort sort, TicketCursor k) {
    switch (sort) {
      case NEWEST ->
          where(
              sql,
              values,
              " AND first_seen <= ? AND (first_seen < ? OR (first_seen = ? AND incident_id < ?))",
              k.firstSeen(),
              k.firstSeen(),
              k.firstSeen(),
              k.incidentId());
      case OLDEST ->
          where(
              sql,
              values,
              " AND first_seen >= ? AND (first_seen > ? OR (first_seen = ? AND incident_id > ?))",
              k.firstSeen(),
              k.firstSeen(),
              k.firstSeen(),
              k.incidentId());
      case PRIORITY ->
          where(
              sql,
              values,
              " AND priority >= ? AND (priority > ? OR (priority = ? AND (first_seen < ?"
                  + " OR (first_seen = ? AND incident_id < ?))))",
              k.priority(),
              k.priority(),
              k.priority(),
              k.firstSeen(),
              k.firstSeen(),
              k.incidentId());
    }
  }

  private static void where(StringBuilder sql, List<Object> values, String clause, Object... args) {
    sql.append(clause);
    values.addAll(List.of(args));
  }

  private static Ticket read(ResultSet rs) throws SQLException {
    return new Ticket(
        rs.getString("incident_id"),
        rs.getString("service_id"),
        rs.getString("dedup_key"),
        rs.getString("title"),
        rs.getString("severity"),
        rs.getString("priority"),
        rs.getString("incident_class"),
        rs.getString("urgency"),
        TicketStatus.valueOf(rs.getString("status")),
        rs.getLong("alert_count"),
        instant(rs, "first_seen"),
        instant(rs, "last_seen"),
        instant(rs, "acknowledged_at"),
        instant(rs, "resolved_at"),
        rs.getString("escalation_policy_id"),
        instant(rs, "updated_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (value instanceof Instant instant) {
        ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, value);
      }
    }
  }
}
