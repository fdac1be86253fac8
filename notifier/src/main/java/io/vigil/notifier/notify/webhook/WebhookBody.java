package io.vigil.notifier.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.page.Attempt;
import io.vigil.notifier.page.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a webhook receiver gets, one flat object with stable snake_case names: {@code
 * incident_id, service_id, title, priority, urgency, level, round, user_id, reason, event_id,
 * links{acknowledge,resolve}}, plus {@code digest} for a storm digest.
 */
final class WebhookBody {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookBody() {}

  static String of(Attempt attempt, ActionLinks.Links links) {
    Page page = attempt.page();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("incident_id", page.incidentId());
    body.put("service_id", page.serviceId());
    body.put("title", page.title());
    body.put("priority", page.priority());
    body.put("urgency", page.urgency().name());
    body.put("level", page.level());
    body.put("round", page.round());
    body.put("user_id", attempt.userId());
    body.put("reason", page.reason());
    body.put("event_id", page.escalationEventId());
    if (attempt.isDigest()) {
      body.put("digest", attempt.digest());
    }
    Map<String, String> linkMap = new LinkedHashMap<>();
    linkMap.put("acknowledge", links.acknowledge());
    linkMap.put("resolve", links.resolve());
    body.put("links", linkMap);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a webhook body of plain values", e);
    }
  }
}
