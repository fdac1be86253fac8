package io.vigil.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.topic.AlertPartitioner;
import io.vigil.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class AlertPartitionerTest {

  private static Cluster cluster(String topic, int partitions) {
    Node node = new Node(1, "127.0.0.1", 9092);
    List<PartitionInfo> infos = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      infos.add(new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node}));
    }
    return new Cluster("test", List.of(node), infos, Set.of(), Set.of());
  }

  @Test
  void aServicesPartitionIsTheOneKafkaGivesARecordKeyedByTheServiceId() {
    // The classifier re-keys alerts by service id onto a topic partitioned by Kafka's default;
    // an alert already in that partition skips the hop only if both agree.
    StringSerializer keys = new StringSerializer();
    for (int partitions : new int[] {1, 3, 6, 12}) {
      for (String service : List.of("payments", "checkout", "search", "storm-1-17", "ü-service")) {
        assertThat(Topics.servicePartition(service, partitions))
            .as("%s over %d partitions", service, partitions)
            .isEqualTo(
                BuiltInPartitioner.partitionForKey(keys.serialize("t", service), partitions));
      }
    }
  }

  @Test
  void everyAlertOfAServiceGoesToTheServicesPartition() {
    AlertPartitioner partitioner = new AlertPartitioner();
    Cluster cluster = cluster(Topics.ALERTS.name(), 6);
    List<Integer> seen = new ArrayList<>();
    for (String dedupKey : List.of("db-1", "db-2", "cpu", "disk/full")) {
      String key = Topics.alertKey("payments", dedupKey);
      seen.add(partitioner.partition(Topics.ALERTS.name(), key, null, null, null, cluster));
    }

    assertThat(seen).containsOnly(Topics.servicePartition("payments", 6));
  }

  @Test
  void anAlertWithoutAKeyIsRefused() {
    AlertPartitioner partitioner = new AlertPartitioner();
    Cluster cluster = cluster(Topics.ALERTS.name(), 3);

    assertThatThrownBy(
            () -> partitioner.partition(Topics.ALERTS.name(), null, null, null, null, cluster))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceId/dedupKey");
  }
}
