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

  /** Tickets matching the query, in its order. */
  public List<Ticket> list(TicketQuery query) {
    return page(query).tickets();
  }

  /** One page of a listing and the cursor of the next, if there are more. */
  public record TicketPage(List<Ticket> tickets, Optional<String> nextCursor) {}

  /** Tickets matching the query, in its order, and where the next page starts. */
  public TicketPage page(TicketQuery query) {
    try (Connection c = dataSource.getConnection()) {
      List<Ticket> found = tickets.list(c, query, query.limit() + 1);
      if (found.size() <= query.limit()) {
        return new TicketPage(found, Optional.empty());
      }
      List<Ticket> page = found.subList(0, query.limit());
      return new TicketPage(
          List.copyOf(page),
          Optional.of(TicketCursor.after(query.sort(), page.get(page.size() - 1)).encode()));
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
