package io.vigil.ticketstore.db;

import io.vigil.ticketstore.ticket.StoreUnavailableException;
import jakarta.inject.Singleton;
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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs the small SQL statements of the API's own tables, each in one transaction; a database
 * failure becomes a {@link StoreUnavailableException} naming what was being done.
 */
@Singleton
public class Database {

  /** SQLSTATE of a unique-constraint violation, on PostgreSQL and H2 alike. */
  public static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work on one connection, committed at the end and rolled back on any failure. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code work} in one transaction; {@code what} names it in the error. */
  public <T> T transaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /** The rows of a query, read on its own connection. */
  public <T> List<T> query(String what, String sql, Row<T> row, Object... values) {
    return transaction(what, c -> query(c, sql, row, values));
  }

  /** The first row of a query, if any. */
  public <T> Optional<T> queryOne(String what, String sql, Row<T> row, Object... values) {
    List<T> rows = query(what, sql, row, values);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Runs an update on its own connection and returns the row count. */
  public int update(String what, String sql, Object... values) {
    return transaction(what, c -> update(c, sql, values));
  }

  public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... values)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, values);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    }
  }

  public static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, values);
      return ps.executeUpdate();
    }
  }

  public static void bind(PreparedStatement ps, Object... values) throws SQLException {
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

  /** A nullable timestamp column as an instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
