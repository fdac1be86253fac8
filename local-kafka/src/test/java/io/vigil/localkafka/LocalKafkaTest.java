package io.vigil.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

  @TempDir Path dataDir;

  @Test
  void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
    String clusterId;
    try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
      clusterId = kafka.clusterId();
      TopicProvisioner.createTopic(kafka.bootstrapServers(), "restart-check", 1, false);
      RecordMetadata written = produce(kafka.bootstrapServers(), "restart-check", "k1", "hello");
      assertThat(written.offset()).isZero();
      assertThat(readAll(kafka.bootstrapServers(), "restart-check", 1))
          .extracting(ConsumerRecord::value)
          .containsExactly("hello");
    }

    try (LocalKafka again = LocalKafka.start(dataDir, 0)) {
      assertThat(again.clusterId()).isEqualTo(clusterId);
      List<ConsumerRecord<String, String>> records =
          readAll(again.bootstrapServers(), "restart-check", 1);
      assertThat(records).extracting(ConsumerRecord::key).containsExactly("k1");
      assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello");
    }
  }

  @Test
  void provisionsTheCatalogueIdempotentlyWithCompactionWhereTheCatalogueSaysSo() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(dataDir, 0);
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      TopicProvisioner.createTopics(kafka.bootstrapServers(), Topics.ALL);
      TopicProvisioner.createTopics(kafka.bootstrapServers(), Topics.ALL);

      var names = Topics.ALL.stream().map(t -> t.name()).toList();
      var described = admin.describeTopics(names).allTopicNames().get();
      assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(names);
      assertThat(described.values())
          .allSatisfy(d -> assertThat(d.partitions()).hasSize(TopicProvisioner.PARTITIONS));

      var config = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONFIG.name());
      var alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS.name());
      var configs = admin.describeConfigs(Set.of(config, alerts)).all().get();
      assertThat(configs.get(config).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
          .isEqualTo("compact");
      assertThat(configs.get(alerts).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
          .isEqualTo("delete");
    }
  }

  private static RecordMetadata produce(String bootstrap, String topic, String key, String value)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Reads a topic from the beginning with a fresh consumer group until it has {@code count}. */
  private static List<ConsumerRecord<String, String>> readAll(
      String bootstrap, String topic, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
