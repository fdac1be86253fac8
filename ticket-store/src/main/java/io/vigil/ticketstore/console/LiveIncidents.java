package io.vigil.ticketstore.console;

import io.micronaut.scheduling.annotation.Scheduled;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells every open console which incidents just changed: it reads the timeline lines added since it
 * last looked (every event adds exactly one), from the database rather than from this instance's
 * consumers, so it sees what every replica applied. Lines whose transaction committed late are
 * caught by looking back a few sequence numbers each time.
 */
@Singleton
public class LiveIncidents {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIncidents.class);
  private static final int LOOK_BACK = 100;
  private static final int REMEMBERED = 2000;

  private final Database db;
  private final Sinks.Many<Set<String>> changes = Sinks.many().multicast().directBestEffort();
  private final LinkedHashSet<Long> seen = new LinkedHashSet<>();
  private long last = -1;
  private boolean failing;

  public LiveIncidents(Database db) {
    this.db = db;
  }

  /** The ids of the incidents changed since the previous element, while subscribed. */
  public Flux<Set<String>> changes() {
    return changes.asFlux();
  }

  /** Looks for new timeline lines (an index lookup that finds nothing most of the time). */
  @Scheduled(fixedDelay = "${vigil.console.live-interval:500ms}")
  synchronized void poll() {
    try {
      boolean first = last < 0;
      if (first) {
        last =
            db.queryOne(
                    "read the newest timeline line",
                    "SELECT COALESCE(MAX(seq), 0) AS top FROM timeline_entries",
                    rs -> rs.getLong("top"))
                .orElse(0L);
      }
      record Line(long seq, String incidentId) {}
      List<Line> lines =
          db.query(
              "read new timeline lines",
              "SELECT seq, incident_id FROM timeline_entries WHERE seq > ? ORDER BY seq",
              rs -> new Line(rs.getLong("seq"), rs.getString("incident_id")),
              Math.max(0, last - LOOK_BACK));
      Set<String> changed = new LinkedHashSet<>();
      for (Line line : lines) {
        if (seen.add(line.seq()) && !first) {
          changed.add(line.incidentId());
        }
        last = Math.max(last, line.seq());
      }
      List<Long> old = new ArrayList<>(seen);
      for (int i = 0; i < old.size() - REMEMBERED; i++) {
        seen.remove(old.get(i));
      }
      if (!changed.isEmpty()) {
        changes.tryEmitNext(Set.copyOf(changed));
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("cannot read new timeline lines for the console: {}", e.getMessage());
      }
      failing = true;
    }
  }
}
