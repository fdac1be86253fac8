package io.vigil.notifier.escalation;

import io.vigil.notifier.page.Page;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.PagedUser;
import java.util.Optional;

/**
 * Maps an {@code EscalationEvent} to the page it asks for: only {@code EscalationFired} pages
 * anyone; skipped levels and cancellations page nobody.
 */
public final class EscalationPages {

  private EscalationPages() {}

  /** The page {@code event} asks for, if it asks for one. */
  public static Optional<Page> pageOf(EscalationEvent event) {
    if (!(event.getEvent() instanceof EscalationFired fired)) {
      return Optional.empty();
    }
    return Optional.of(
        new Page(
            event.getEventId(),
            event.getIncidentId(),
            event.getServiceId(),
            fired.getTitle(),
            fired.getPriority().name(),
            Page.Urgency.valueOf(fired.getUrgency().name()),
            fired.getLevel(),
            fired.getRound(),
            fired.getReason().name(),
            fired.getTargets().stream().map(PagedUser::getUserId).toList()));
  }
}
