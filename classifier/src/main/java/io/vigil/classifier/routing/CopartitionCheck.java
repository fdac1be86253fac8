package io.vigil.classifier.routing;

import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands reach the task that knows their incident only when {@code vigil.incident-commands.v1}
 * and {@code vigil.incidents.v1} have the same number of partitions (both are keyed by incident
 * id): the classifier refuses to start when they differ, rather than reject commands later.
 */
public final class CopartitionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(CopartitionCheck.class);
  private static final List<String> TOPICS =
      List.of(Topics.INCIDENT_COMMANDS.name(), Topics.INCIDENTS.name());

  private CopartitionCheck() {}

  /** What is wrong with these partition counts (topic to count), if anything. */
  public static Optional<String> problem(Map<String, Integer> partitions) {
    Integer commands = partitions.get(Topics.INCIDENT_COMMANDS.name());
    Integer incidents = partitions.get(Topics.INCIDENTS.name());
    if (commands == null || incidents == null || commands.equals(incidents)) {
      return Optional.empty();
    }
    return Optional.of(
        Topics.INCIDENT_COMMANDS.name()
            + " has "
            + commands
            + " partitions but "
            + Topics.INCIDENTS.name()
            + " has "
            + incidents
            + ": both are keyed by incident id and the classifier routes commands by it, so create"
            + " both with the same count");
  }

  /**
   * Reads the two topics' partition counts with an admin client of {@code clientConfig} and throws
   * when they differ; topics that do not exist yet (Kafka Streams waits for them) pass.
   */
  public static void verify(Map<String, Object> clientConfig, Duration timeout) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    Map<String, Integer> counts = new HashMap<>();
    try (Admin admin = Admin.create(config)) {
      for (String topic : TOPICS) {
        try {
          TopicDescription d =
              admin
                  .describeTopics(List.of(topic))
                  .topicNameValues()
                  .get(topic)
                  .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          counts.put(topic, d.partitions().size());
        } catch (Exception e) {
          LOG.warn("cannot read the partitions of {} ({}); not checked", topic, e.toString());
        }
      }
    }
    problem(counts)
        .ifPresent(
            p -> {
              throw new IllegalStateException(p);
            });
  }
}
