package io.vigil.classifier.grouping;

import io.vigil.config.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A label group's current window (like Alertmanager's {@code group_by}): alerts sharing the values
 * of the grouping labels join the group's incident while their time falls within the window that
 * the group's first alert started.
 */
public final class GroupWindow {

  public String incidentId;
  public long windowStart;

  /** For the JSON serde. */
  public GroupWindow() {}

  public GroupWindow(String incidentId, long windowStart) {
    this.incidentId = incidentId;
    this.windowStart = windowStart;
  }

  /**
   * Whether an alert placed at {@code at} falls within this group's window: from the group's first
   * alert for the window's length, and up to the grace period before it (an alert that arrived out
   * of order).
   */
  public boolean covers(long at, Service.Grouping grouping) {
    return at >= windowStart - grouping.grace().toMillis()
        && at < windowStart + grouping.window().toMillis();
  }

  /**
   * The group an alert with these labels belongs to, e.g. {@code alertname=DiskFull,cluster=eu-1};
   * empty when the service does not group by labels or the alert lacks one of them (it then forms
   * an incident of its own, never a group of strangers).
   */
  public static Optional<String> groupKey(Service.Grouping grouping, Map<String, String> labels) {
    List<String> by = grouping.by();
    if (by.isEmpty() || grouping.window().isZero()) {
      return Optional.empty();
    }
    if (!by.stream().allMatch(labels::containsKey)) {
      return Optional.empty();
    }
    return Optional.of(
        by.stream().map(l -> l + "=" + labels.get(l)).collect(Collectors.joining(",")));
  }
}
