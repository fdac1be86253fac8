package io.vigil.ticketstore.review;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.ticketstore.db.Database;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code reviews} table: at most one review per incident, action items kept as JSON text. */
@Singleton
public class ReviewRepository {

  private final Database db;
  private final JsonMapper json;

  public ReviewRepository(Database db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** A stored review with who created it and when it last changed. */
  public record StoredReview(
      String incidentId, Review review, String createdBy, Instant createdAt, Instant updatedAt) {}

  /** Creates the incident's review; false if it has one already. */
  public boolean create(String incidentId, Review review, String author) {
    Instant now = Instant.now();
    return db.transaction(
        "create the review of " + incidentId,
        c -> {
          if (!Database.query(c, "SELECT 1 FROM reviews WHERE incident_id = ?", rs -> 1, incidentId)
              .isEmpty()) {
            return false;
          }
          Database.update(
              c,
              "INSERT INTO reviews (incident_id, summary, impact, root_cause, collateral_damage,"
                  + " action_items, created_by, created_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              incidentId,
              review.summary(),
              review.impact(),
              review.rootCause(),
              review.collateralDamage(),
              write(review.actionItems()),
              author,
              now,
              now);
          return true;
        });
  }

  /** Replaces the incident's review; false if it has none. */
  public boolean update(String incidentId, Review review) {
    return db.update(
            "update the review of " + incidentId,
            "UPDATE reviews SET summary = ?, impact = ?, root_cause = ?, collateral_damage = ?,"
                + " action_items = ?, updated_at = ? WHERE incident_id = ?",
            review.summary(),
            review.impact(),
            review.rootCause(),
            review.collateralDamage(),
            write(review.actionItems()),
            Instant.now(),
            incidentId)
        > 0;
  }

  /** Deletes the incident's review; false if it had none. */
  public boolean delete(String incidentId) {
    return db.update(
            "delete the review of " + incidentId,
            "DELETE FROM reviews WHERE incident_id = ?",
            incidentId)
        > 0;
  }

  public Optional<StoredReview> find(String incidentId) {
    return db.queryOne(
        "read the review of " + incidentId,
        "SELECT incident_id, summary, impact, root_cause, collateral_damage, action_items,"
            + " created_by, created_at, updated_at FROM reviews WHERE incident_id = ?",
        rs ->
            new StoredReview(
                rs.getString("incident_id"),
                new Review(
                    rs.getString("summary"),
                    rs.getString("impact"),
                    rs.getString("root_cause"),
                    rs.getString("collateral_damage"),
                    read(rs.getString("action_items"))),
                rs.getString("created_by"),
                Database.instant(rs, "created_at"),
                Database.instant(rs, "updated_at")),
        incidentId);
  }

  private String write(List<Review.ActionItem> items) {
    try {
      return json.writeValueAsString(items);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write action items as JSON", e);
    }
  }

  private List<Review.ActionItem> read(String text) {
    try {
      return json.readValue(text, Argument.listOf(Review.ActionItem.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read action items: " + text, e);
    }
  }
}
