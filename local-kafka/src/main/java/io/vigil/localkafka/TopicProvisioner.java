package io.vigil.localkafka;

import io.vigil.schemas.topic.Topic;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Every topic of the catalogue exists with 3 partitions on a single-replica cluster, compacted ones
 * with {@code cleanup.policy=compact}; creating a topic that already exists is not an error.
 */
public final class TopicProvisioner {

  /** Partitions of every catalogue topic on a local cluster. */
  public static final int PARTITIONS = 3;

  private static final short REPLICATION = 1;

  private TopicProvisioner() {}

  /** Creates every topic of {@code topics} (e.g. {@code Topics.ALL}) that does not exist yet. */
  public static void createTopics(String bootstrapServers, Collection<? extends Topic<?>> topics) {
    List<NewTopic> wanted =
        topics.stream().map(t -> newTopic(t.name(), PARTITIONS, t.compacted())).toList();
    create(bootstrapServers, wanted);
  }

  /** Creates one topic unless it exists; {@code compacted} sets {@code cleanup.policy=compact}. */
  public static void createTopic(
      String bootstrapServers, String name, int partitions, boolean compacted) {
    create(bootstrapServers, List.of(newTopic(name, partitions, compacted)));
  }

  /** The topic as the local cluster holds it: replication 1, compacted or deleted by time. */
  public static NewTopic newTopic(String name, int partitions, boolean compacted) {
    NewTopic topic = new NewTopic(name, partitions, REPLICATION);
    if (compacted) {
      topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return topic;
  }

  private static void create(String bootstrapServers, List<NewTopic> topics) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      var results = admin.createTopics(topics).values();
      for (var entry : results.entrySet()) {
        try {
          entry.getValue().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + " on " + bootstrapServers, e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topics on " + bootstrapServers, e);
    }
  }
}
