package io.vigil.schemas.topic;

import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Partitions {@code vigil.alerts.v1} by service: every alert of a service goes to the partition
 * {@link Topics#servicePartition} names, the one whose classifier task keeps the service's state
 * when the topic has as many partitions as the classifier's by-service topics, so the alert needs
 * no repartition hop. Records with the same key still share a partition (the key starts with the
 * service id), so per-alert order is kept. Producers that do not use it stay correct: the
 * classifier moves their alerts to the right task through {@code alerts-by-service}.
 */
public final class AlertPartitioner implements Partitioner {

  @Override
  public int partition(
      String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    if (key == null) {
      throw new IllegalArgumentException(
          "an alert on " + topic + " needs its serviceId/dedupKey key");
    }
    return Topics.servicePartition(
        Topics.serviceOfAlertKey(key.toString()), cluster.partitionCountForTopic(topic));
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
