package io.vigil.ticketstore.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A post-incident review as written by people: summary, impact, root cause, collateral damage (what
 * else the cause touched) and action items, each with an owner, a due date and a status; texts are
 * bounded and every item is checked, with the item's position in the message.
 */
public record Review(
    String summary,
    String impact,
    String rootCause,
    String collateralDamage,
    List<ActionItem> actionItems) {

  public static final int MAX_TEXT = 20_000;
  public static final int MAX_ITEMS = 100;
  static final Set<String> ITEM_STATUSES = Set.of("open", "in_progress", "done");

  public Review {
    summary = text("summary", summary);
    impact = text("impact", impact);
    rootCause = text("rootCause", rootCause);
    collateralDamage = text("collateralDamage", collateralDamage);
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    if (actionItems.size() > MAX_ITEMS) {
      throw new IllegalArgumentException(
          "at most " + MAX_ITEMS + " action items, got " + actionItems.size());
    }
    for (int i = 0; i < actionItems.size(); i++) {
      actionItems.get(i).check(i);
    }
  }

  /** Something to do so it does not happen again. */
  @Serdeable
  public record ActionItem(
      @Nullable @Schema(example = "alert on pool saturation") String description,
      @Nullable @Schema(example = "alice") String owner,
      @Nullable @Schema(example = "2026-03-20") String dueDate,
      @Nullable @Schema(allowableValues = {"open", "in_progress", "done"}) String status) {

    public ActionItem {
      status = status == null || status.isBlank() ? "open" : status.trim().toLowerCase(Locale.ROOT);
    }

    void check(int index) {
      String at = "actionItems[" + index + "]";
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException(at + ".description must not be blank");
      }
      if (description.length() > 2000) {
        throw new IllegalArgumentException(at + ".description must be at most 2000 characters");
      }
      if (owner == null || owner.isBlank()) {
        throw new IllegalArgumentException(at + ".owner must not be blank: name who does it");
      }
      if (dueDate != null && !dueDate.isBlank()) {
        try {
          LocalDate.parse(dueDate.trim());
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              at + ".dueDate must be a date like 2026-03-20, got '" + dueDate + "'");
        }
      }
      if (!ITEM_STATUSES.contains(status)) {
        throw new IllegalArgumentException(
            at + ".status must be one of open, in_progress, done, got '" + status + "'");
      }
    }
  }

  private static String text(String name, String value) {
    String text = value == null ? "" : value.strip();
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          name + " must be at most " + MAX_TEXT + " characters, got " + text.length());
    }
    return text;
  }
}
