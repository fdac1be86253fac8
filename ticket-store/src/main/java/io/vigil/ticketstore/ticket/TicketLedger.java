package io.vigil.ticketstore.ticket;

import io.vigil.ticketstore.timeline.TimelineRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each event exactly once: its timeline line and its ticket change commit together (a whole
 * poll of events in one transaction, the lines and the changes each sent as JDBC batches), and an
 * event already recorded changes nothing, so replaying every topic from the start rebuilds the same
 * tickets.
 */
@Singleton
public class TicketLedger {

  private static final Logger LOG = LoggerFactory.getLogger(TicketLedger.class);

  private final DataSource dataSource;
  private final TimelineRepository timeline;

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
    return applyAll(List.of(event)) == 1;
  }

  /**
   * Applies the events in their order in one transaction, skipping those applied before (also a
   * repeat within {@code events}); all of them or none commit.
   *
   * @return how many were new
   * @throws StoreUnavailableException when the database fails; the events are worth retrying
   */
  public int applyAll(List<TicketEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean[] fresh =
            timeline.insertAllIfNew(c, events.stream().map(TicketEvent::entry).toList());
        TicketWrites writes = new TicketWrites();
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
          TicketEvent event = events.get(i);
          if (fresh[i]) {
            writes.add(event.incidentId(), event.entry().at(), event.change());
            applied++;
          } else {
            LOG.debug("already applied {} {}", event.entry().source(), event.entry().eventId());
          }
        }
        writes.execute(c);
        c.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "cannot apply " + describe(events) + ": " + e.getMessage(), e);
    }
  }

  private static String describe(List<TicketEvent> events) {
    TicketEvent first = events.get(0);
    String one =
        first.entry().source()
            + " event "
            + first.entry().eventId()
            + " of incident "
            + first.incidentId();
    return events.size() == 1 ? one : events.size() + " events, the first " + one;
  }
}
