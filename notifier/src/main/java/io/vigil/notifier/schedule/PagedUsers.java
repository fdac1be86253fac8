package io.vigil.notifier.schedule;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who an incident's pages reached so far, as stored in {@code notifier-paged-users}: the users to
 * tell when the incident closes.
 *
 * @param userIds the paged users, without duplicates
 * @param lastPagedAtMillis when the latest page came, to forget incidents nobody ever closed
 */
public record PagedUsers(List<String> userIds, long lastPagedAtMillis) {

  public PagedUsers {
    userIds = userIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(userIds));
  }

  /** These users and {@code more}, paged at {@code atMillis}. */
  PagedUsers with(List<String> more, long atMillis) {
    LinkedHashSet<String> all = new LinkedHashSet<>(userIds);
    all.addAll(more);
    return new PagedUsers(List.copyOf(all), atMillis);
  }
}
