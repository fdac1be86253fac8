package io.vigil.notifier.storm;

import io.vigil.notifier.page.ScheduledStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One user's open storm window on one channel, as stored in {@code notifier-storm-windows}: until
 * when it runs, which incidents (per service) were folded into it, the latest folded step (the
 * digest stands in for it) and every attempt id it already decided, so a replayed step is not
 * counted twice.
 *
 * @param endsAtMillis when the window ends and its digest goes out
 * @param incidentsByService the folded incidents per service, in the order they came
 * @param latest the latest folded step, or null when nothing was folded
 * @param decided attempt ids this window sent or folded
 */
public record StormWindow(
    long endsAtMillis,
    Map<String, List<String>> incidentsByService,
    ScheduledStep latest,
    List<String> decided) {

  public StormWindow {
    incidentsByService =
        incidentsByService == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(incidentsByService);
    decided = decided == null ? List.of() : List.copyOf(decided);
  }

  /** A window opened by the attempt {@code attemptId}, ending at {@code endsAtMillis}. */
  static StormWindow openedBy(String attemptId, long endsAtMillis) {
    return new StormWindow(endsAtMillis, Map.of(), null, List.of(attemptId));
  }

  /** Whether this window already sent or folded the attempt {@code attemptId}. */
  boolean decided(String attemptId) {
    return decided.contains(attemptId);
  }

  /** This window with {@code step} folded into it. */
  StormWindow folding(ScheduledStep step) {
    Map<String, List<String>> incidents = new LinkedHashMap<>(incidentsByService);
    LinkedHashSet<String> ofService =
        new LinkedHashSet<>(incidents.getOrDefault(step.page().serviceId(), List.of()));
    ofService.add(step.page().incidentId());
    incidents.put(step.page().serviceId(), List.copyOf(ofService));
    List<String> ids = new ArrayList<>(decided);
    ids.add(step.attemptId());
    return new StormWindow(endsAtMillis, incidents, step, ids);
  }

  /** How many incidents were folded, over all services. */
  public int foldedIncidents() {
    return incidentsByService.values().stream().mapToInt(List::size).sum();
  }
}
