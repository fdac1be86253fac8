package io.vigil.ticketstore.change;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code service_changes} table: each change recorded once by event id, read back as the
 * changes of a service in the {@value #WINDOW_HOURS} hours before an incident was detected.
 */
@Singleton
public class ServiceChanges {

  public static final int WINDOW_HOURS = 24;
  static final int MAX_SHOWN = 20;

  private final Database db;
  private final JsonMapper json;

  public ServiceChanges(Database db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** Records the change unless it is already recorded; whether it was new. */
  public boolean apply(ServiceChange change) {
    return applyAll(List.of(change)) == 1;
  }

  /**
   * Records the changes in one transaction, skipping those recorded before.
   *
   * @return how many were new
   */
  public int applyAll(List<ServiceChange> changes) {
    if (changes.isEmpty()) {
      return 0;
    }
    List<String> links = changes.stream().map(this::linksJson).toList();
    return db.transaction(
        "record "
            + (changes.size() == 1 ? "change " : changes.size() + " changes, the first ")
            + changes.get(0).eventId(),
        c -> {
          int applied = 0;
          for (int i = 0; i < changes.size(); i++) {
            ServiceChange change = changes.get(i);
            applied +=
                Database.update(
                    c,
                    "INSERT INTO service_changes (event_id, service_id, summary, source, links,"
                        + " occurred_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    change.eventId(),
                    change.serviceId(),
                    change.summary(),
                    change.source(),
                    links.get(i),
                    change.at());
          }
          return applied;
        });
  }

  private String linksJson(ServiceChange change) {
    try {
      return json.writeValueAsString(change.links());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write change links as JSON", e);
    }
  }

  /**
   * The service's changes from {@value #WINDOW_HOURS} hours before {@code detectedAt} up to it,
   * newest first, at most {@value #MAX_SHOWN}.
   */
  public List<ServiceChange> before(String serviceId, Instant detectedAt) {
    if (detectedAt == null) {
      return List.of();
    }
    return db.query(
        "read the changes of service " + serviceId,
        "SELECT event_id, service_id, summary, source, links, occurred_at FROM service_changes"
            + " WHERE service_id = ? AND occurred_at >= ? AND occurred_at <= ?"
            + " ORDER BY occurred_at DESC, event_id LIMIT ?",
        rs ->
            new ServiceChange(
                rs.getString("event_id"),
                rs.getString("service_id"),
                rs.getString("summary"),
                rs.getString("source"),
                links(rs.getString("links")),
                Database.instant(rs, "occurred_at")),
        serviceId,
        detectedAt.minus(Duration.ofHours(WINDOW_HOURS)),
        detectedAt,
        MAX_SHOWN);
  }

  private List<String> links(String text) {
    try {
      return json.readValue(text, Argument.listOf(String.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read change links: " + text, e);
    }
  }
}
