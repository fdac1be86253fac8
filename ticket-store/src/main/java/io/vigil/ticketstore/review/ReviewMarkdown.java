package io.vigil.ticketstore.review;

import io.vigil.ticketstore.ticket.Ticket;
import io.vigil.ticketstore.timeline.TimelineEntry;
import io.vigil.ticketstore.timeline.TimelineKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a review as a Markdown document: the incident's facts, the four written sections, the
 * timeline excerpt and the action items as tables, with table cells escaped.
 */
public final class ReviewMarkdown {

  /** The timeline lines a review quotes: decisions and human steps, not every grouped alert. */
  public static final Set<TimelineKind> EXCERPT_KINDS =
      Set.of(
          TimelineKind.OPENED,
          TimelineKind.RECLASSIFIED,
          TimelineKind.PAGED,
          TimelineKind.ACKNOWLEDGED,
          TimelineKind.NOTE,
          TimelineKind.SLA_BREACHED,
          TimelineKind.RESOLVED,
          TimelineKind.REOPENED);

  private ReviewMarkdown() {}

  /** The lines of the timeline a review quotes, oldest first. */
  public static List<TimelineEntry> excerpt(List<TimelineEntry> timeline) {
    return timeline.stream().filter(e -> EXCERPT_KINDS.contains(e.kind())).toList();
  }

  public static String render(Ticket ticket, Review review, List<TimelineEntry> timeline) {
    StringBuilder md = new StringBuilder();
    md.append("# Post-incident review: ").append(oneLine(ticket.title())).append("\n\n");
    md.append("- Incident: `").append(ticket.incidentId()).append("` on service `");
    md.append(ticket.serviceId()).append("`\n");
    md.append("- Priority: ")
        .append(ticket.priority())
        .append(", class ")
        .append(lower(ticket.incidentClass()))
        .append("\n");
    md.append("- Detected: ").append(time(ticket.firstSeen())).append("\n");
    md.append("- Acknowledged: ").append(time(ticket.acknowledgedAt())).append("\n");
    md.append("- Resolved: ").append(time(ticket.resolvedAt())).append("\n\n");
    section(md, "Summary", review.summary());
    section(md, "Impact", review.impact());
    section(md, "Root cause", review.rootCause());
    section(md, "Collateral damage", review.collateralDamage());
    md.append("## Timeline\n\n");
    List<TimelineEntry> lines = excerpt(timeline);
    if (lines.isEmpty()) {
      md.append("_No timeline recorded._\n\n");
    } else {
      md.append("| time (UTC) | what | who |\n|---|---|---|\n");
      for (TimelineEntry e : lines) {
        md.append("| ")
            .append(time(e.at()))
            .append(" | ")
            .append(cell(e.summary()))
            .append(" | ")
            .append(cell(e.actor()))
            .append(" |\n");
      }
      md.append("\n");
    }
    md.append("## Action items\n\n");
    if (review.actionItems().isEmpty()) {
      md.append("_None._\n");
    } else {
      md.append("| action | owner | due | status |\n|---|---|---|---|\n");
      for (Review.ActionItem item : review.actionItems()) {
        md.append("| ")
            .append(cell(item.description()))
            .append(" | ")
            .append(cell(item.owner()))
            .append(" | ")
            .append(item.dueDate() == null || item.dueDate().isBlank() ? "—" : item.dueDate())
            .append(" | ")
            .append(item.status().replace('_', ' '))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String heading, String text) {
    md.append("## ").append(heading).append("\n\n");
    md.append(text == null || text.isBlank() ? "_Not written yet._" : text.strip()).append("\n\n");
  }

  private static String time(Instant at) {
    return at == null ? "—" : at.toString();
  }

  private static String lower(String value) {
    return value == null ? "—" : value.toLowerCase(Locale.ROOT);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private static String cell(String text) {
    return oneLine(text).replace("|", "\\|");
  }
}
