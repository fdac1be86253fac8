package io.vigil.ticketstore.ticket;

import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads tickets and timelines for the API; never writes. */
@Singleton
public class TicketLookup {

  private final DataSource dataSource;
  private final TimelineRepository timeline;
  private final TicketRepository tickets = new TicketRepository();

  public TicketLookup(DataSource dataSource, TimelineRepository timeline) {
    this.dataSource = dataSource;
    this.timeline = timeline;
  }

  /** Tickets matching the query, newest first. */
  public List<Ticket> list(TicketQuery query) {
    try (Connection c = dataSource.getConnection()) {
      return tickets.list(c, query);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot list tickets: " + e.getMessage(), e);
    }
  }

  /** The ticket of {@code incidentId}, if its incident was opened. */
  public Optional<Ticket> find(String incidentId) {
    try (Connection c = dataSource.getConnection()) {
      return tickets.find(c, incidentId);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read ticket " + incidentId, e);
    }
  }

  /** Every recorded line of the incident, oldest first, whether or not its ticket exists yet. */
  public List<TimelineEntry> timeline(String incidentId) {
    try (Connection c = dataSource.getConnection()) {
      return timeline.timeline(c, incidentId);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read timeline of " + incidentId, e);
    }
  }
}
