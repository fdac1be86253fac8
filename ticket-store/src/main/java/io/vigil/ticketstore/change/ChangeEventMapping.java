package io.vigil.ticketstore.change;

import io.vigil.schemas.ChangeEvent;
import io.vigil.schemas.Link;

/** Turns a {@code ChangeEvent} from {@code vigil.changes.v1} into a service change. */
public final class ChangeEventMapping {

  private ChangeEventMapping() {}

  public static ServiceChange toChange(ChangeEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("change record has no value");
    }
    return new ServiceChange(
        event.getEventId(),
        event.getServiceId(),
        event.getSummary(),
        event.getSource(),
        event.getLinks().stream().map(Link::getHref).toList(),
        event.getOccurredAt());
  }
}
