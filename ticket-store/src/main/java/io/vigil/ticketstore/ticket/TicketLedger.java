package io.vigil.ticketstore.ticket;

import io.vigil.ticketstore.timeline.TimelineRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each event exactly once: its timeline line and its ticket change commit in one
 * transaction, and an event already recorded changes nothing, so replaying every topic from the
 * start rebuilds the same tickets.
 */
@Singleton
public class TicketLedger {

  private static final Logger LOG = LoggerFactory.getLogger(TicketLedger.class);

  private final DataSource dataSource;
  private final TimelineRepository timeline;
  private final TicketRepository tickets = new TicketRepository();

  public TicketLedger(DataSource dataSource, TimelineRepository timeline) {
    this.dataSource = dataSource;
    this.timeline = timeline;
  }

  /**
   * Applies the event unless it was applied before.
   *
   * @return {@code true} if it was new, {@code false} for a duplicate
   * @throws StoreUnavailableException when the database fails; the event is worth retrying
   */
  public boolean apply(TicketEvent event) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!timeline.insertIfNew(c, event.entry())) {
          c.rollback();
          LOG.debug("already applied {} {}", event.entry().source(), event.entry().eventId());
          return false;
        }
        tickets.change(c, event.incidentId(), event.entry().at(), event.change());
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "cannot apply "
              + event.entry().source()
              + " event "
              + event.entry().eventId()
              + " of incident "
              + event.incidentId()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
