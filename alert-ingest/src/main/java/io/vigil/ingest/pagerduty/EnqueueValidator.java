package io.vigil.ingest.pagerduty;

import io.vigil.ingest.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an Events API v2 event the way PagerDuty does and returns every problem at once, one line
 * per field, each naming the field and what a valid value looks like.
 */
public final class EnqueueValidator {

  static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
  static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  private final RoutingKeys routingKeys;

  public EnqueueValidator(RoutingKeys routingKeys) {
    this.routingKeys = routingKeys;
  }

  /** Every problem with {@code request}; empty when it can be accepted. */
  public List<String> validate(EnqueueRequest request) {
    List<String> errors = new ArrayList<>(request.typeErrors());
    if (isBlank(request.routingKey())) {
      errors.add(missing("routing_key"));
    } else if (routingKeys.serviceFor(request.routingKey()).isEmpty()) {
      errors.add(
          "Invalid routing key: no events-v2 integration of any service has it; use the"
              + " integration key from the service's configuration");
    }
    String action = request.eventAction();
    if (isBlank(action)) {
      errors.add(missing("event_action"));
    } else if (!ACTIONS.contains(action)) {
      errors.add(
          "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or"
              + " 'resolve')");
    }
    String dedupKey = request.dedupKey();
    if (dedupKey != null && dedupKey.length() > Alert.MAX_DEDUP_KEY_LENGTH) {
      errors.add(
          "'dedup_key' is longer than "
              + Alert.MAX_DEDUP_KEY_LENGTH
              + " characters ("
              + dedupKey.length()
              + ")");
    } else if (isBlank(dedupKey) && ("acknowledge".equals(action) || "resolve".equals(action))) {
      errors.add(
          missing("dedup_key") + " (required to " + action + ": use the key the trigger returned)");
    }
    boolean trigger = "trigger".equals(action);
    if (request.payload() == null) {
      if (trigger) {
        errors.add("'payload' is missing (a trigger needs summary, source and severity)");
      }
    } else {
      validatePayload(request.payload(), trigger, errors);
    }
    for (int i = 0; i < request.links().size(); i++) {
      if (isBlank(request.links().get(i).href())) {
        errors.add(missing("links[" + i + "].href"));
      }
    }
    return List.copyOf(errors);
  }

  private static void validatePayload(
      EnqueueRequest.Payload payload, boolean trigger, List<String> errors) {
    String summary = payload.summary();
    if (isBlank(summary)) {
      if (trigger) {
        errors.add(missing("payload.summary"));
      }
    } else if (summary.length() > Alert.MAX_SUMMARY_LENGTH) {
      errors.add(
          "'payload.summary' is longer than "
              + Alert.MAX_SUMMARY_LENGTH
              + " characters ("
              + summary.length()
              + ")");
    }
    if (trigger && isBlank(payload.source())) {
      errors.add(missing("payload.source"));
    }
    if (isBlank(payload.severity())) {
      if (trigger) {
        errors.add(missing("payload.severity"));
      }
    } else if (!SEVERITIES.contains(payload.severity())) {
      errors.add(
          "'payload.severity' is invalid (must be one of the following: 'critical', 'error',"
              + " 'warning' or 'info')");
    }
    if (payload.timestamp() != null && EventTimestamps.parse(payload.timestamp()).isEmpty()) {
      errors.add(
          "'payload.timestamp' is invalid (must be an ISO-8601 date-time such as"
              + " 2015-07-17T08:42:58.315+0000)");
    }
  }

  private static String missing(String field) {
    return "'" + field + "' is missing or blank";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
