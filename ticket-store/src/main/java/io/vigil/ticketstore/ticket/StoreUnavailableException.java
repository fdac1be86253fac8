package io.vigil.ticketstore.ticket;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The database could not be reached or refused a statement; the event is worth retrying, unlike an
 * unreadable record.
 */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether no connection could be had at all (SQLSTATE class 08, or the pool timed out), as
   * opposed to the database refusing one statement.
   */
  public boolean unreachable() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
