package io.vigil.ingest.pagerduty;

import io.vigil.config.Service;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.auth.IntegrationKeys;
import io.vigil.ingest.auth.KeyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an Events API v2 event the way PagerDuty does and returns every problem at once, one line
 * per field, each naming the field and what a valid value looks like.
 */
public final class EnqueueValidator {

  static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
  private static final Set<Service.IntegrationType> EVENTS_V2 =
      Set.of(Service.IntegrationType.EVENTS_V2);
  static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  /** The longest source, component, group, class or client accepted. */
  static final int MAX_TEXT = 1024;

  /** The longest URL (client_url, links[].href) accepted. */
  static final int MAX_URL = 4096;

  /** The most links accepted on one event. */
  static final int MAX_LINKS = 50;

  private final IntegrationKeys keys;

  public EnqueueValidator(IntegrationKeys keys) {
    this.keys = keys;
  }

  /** Every problem with {@code request}; empty when it can be accepted. */
  public List<String> validate(EnqueueRequest request) {
    List<String> errors = new ArrayList<>(request.typeErrors());
    if (isBlank(request.routingKey())) {
      errors.add(missing("routing_key"));
    } else if (keys.check(request.routingKey(), EVENTS_V2) instanceof KeyCheck.Refused r) {
      errors.add(
          r.reason() == KeyCheck.Reason.UNKNOWN
              ? "Invalid routing key: no events-v2 integration of any service has it; use the"
                  + " integration key from the service's configuration"
              : "Invalid routing key: " + r.message());
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
    tooLong("client", request.client(), MAX_TEXT, errors);
    tooLong("client_url", request.clientUrl(), MAX_URL, errors);
    if (request.links().size() > MAX_LINKS) {
      errors.add(
          "'links' has "
              + request.links().size()
              + " entries; at most "
              + MAX_LINKS
              + " are accepted");
    } else {
      for (int i = 0; i < request.links().size(); i++) {
        EnqueueRequest.RawLink link = request.links().get(i);
        if (isBlank(link.href())) {
          errors.add(missing("links[" + i + "].href"));
        }
        tooLong("links[" + i + "].href", link.href(), MAX_URL, errors);
        tooLong("links[" + i + "].text", link.text(), MAX_TEXT, errors);
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
    tooLong("payload.source", payload.source(), MAX_TEXT, errors);
    tooLong("payload.component", payload.component(), MAX_TEXT, errors);
    tooLong("payload.group", payload.group(), MAX_TEXT, errors);
    tooLong("payload.class", payload.eventClass(), MAX_TEXT, errors);
    if (payload.timestamp() != null && EventTimestamps.parse(payload.timestamp()).isEmpty()) {
      errors.add(
          "'payload.timestamp' is invalid (must be an ISO-8601 date-time such as"
              + " 2015-07-17T08:42:58.315+0000)");
    }
  }

  private static void tooLong(String field, String value, int max, List<String> errors) {
    if (value != null && value.length() > max) {
      errors.add("'" + field + "' is longer than " + max + " characters (" + value.length() + ")");
    }
  }

  private static String missing(String field) {
    return "'" + field + "' is missing or blank";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
