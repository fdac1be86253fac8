package io.vigil.deploy.kubernetes;

import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.util.Map;
import java.util.Set;

/**
 * Who reads and who writes each topic: writers from the catalogue ({@link Topic#writer()}), readers
 * from DESIGN.md's topic table as the services implement it today. A service that starts reading a
 * topic must be added here, and its KafkaUser's ACLs will then be required to follow.
 */
final class TopicAccess {

  static final Set<String> SERVICES =
      Set.of("alert-ingest", "classifier", "escalation", "notifier", "ticket-store");

  /** Readers per topic; every catalogue topic has an entry, even when nobody reads it yet. */
  static final Map<String, Set<String>> READERS =
      Map.of(
          "vigil.alerts.v1", Set.of("classifier"),
          "vigil.changes.v1", Set.of("ticket-store"),
          "vigil.incident-commands.v1", Set.of("classifier"),
          "vigil.incidents.v1", Set.of("classifier", "escalation", "notifier", "ticket-store"),
          "vigil.escalations.v1", Set.of("notifier", "ticket-store"),
          "vigil.notifications.v1", Set.of("notifier", "ticket-store"),
          "vigil.sla.v1", Set.of("ticket-store"),
          "vigil.config.v1", SERVICES,
          "vigil.dead-letters.v1", Set.of());

  /**
   * The services that consume a topic and so may dead-letter a record (the catalogue's writer
   * "any"); alert-ingest consumes nothing.
   */
  static final Set<String> DEAD_LETTER_WRITERS =
      Set.of("classifier", "escalation", "notifier", "ticket-store");

  private TopicAccess() {}

  static boolean writes(String service, Topic<?> topic) {
    return topic.writer().equals("any")
        ? DEAD_LETTER_WRITERS.contains(service)
        : topic.writer().equals(service);
  }

  static boolean reads(String service, Topic<?> topic) {
    return READERS.getOrDefault(topic.name(), Set.of()).contains(service);
  }

  static Topic<?> byConstant(String constant) {
    try {
      return (Topic<?>) Topics.class.getField(constant).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Topics." + constant + " is not a topic", e);
    }
  }
}
