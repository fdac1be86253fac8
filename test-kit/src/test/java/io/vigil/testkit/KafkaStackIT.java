package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.localkafka.TopicProvisioner;
import io.vigil.registry.KafkaSchemaStore;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafkaStack
class KafkaStackIT {

  private final KafkaStack stack;

  KafkaStackIT(KafkaStack stack) {
    this.stack = stack;
  }

  static AlertEvent alert(String dedupKey) {
    return AlertEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setAction(AlertAction.TRIGGER)
        .setServiceId("payments")
        .setDedupKey(dedupKey)
        .setSourceFormat(SourceFormat.KAFKA)
        .setSeverity(Severity.CRITICAL)
        .setSummary("Disk full on db-1")
        .setLabels(Map.of("cluster", "eu-1"))
        .setOccurredAt(Instant.parse("2026-11-22T03:00:00Z"))
        .setReceivedAt(Instant.parse("2026-11-22T03:00:01Z"))
        .build();
  }

  @Test
  void anAlertSentAsAvroIsReadBackAsTheSameAlert() {
    String dedupKey = "disk-full-" + UUID.randomUUID();
    String key = Topics.alertKey("payments", dedupKey);
    AlertEvent sent = alert(dedupKey);

    stack.send(Topics.ALERTS, key, sent);

    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      assertThat(reader.awaitKey(key)).isEqualTo(sent);
    }
    int id = stack.registryClient().idOf(Topics.ALERTS.valueSubject(), AlertEvent.getClassSchema());
    assertThat(stack.registryClient().schemaById(id)).isEqualTo(AlertEvent.getClassSchema());
  }

  @Test
  void everyTestInTheJvmSharesOneStackWithTheCatalogueProvisioned(KafkaStack parameter)
      throws Exception {
    assertThat(parameter).isSameAs(stack);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      List<String> catalogue = Topics.ALL.stream().map(Topic::name).toList();
      var topics = admin.describeTopics(catalogue).allTopicNames().get();
      assertThat(topics.values())
          .allSatisfy(t -> assertThat(t.partitions()).hasSize(TopicProvisioner.PARTITIONS));
      assertThat(admin.listTopics().names().get()).contains(KafkaSchemaStore.DEFAULT_TOPIC);
    }
  }

  @Test
  void aWaitThatTimesOutListsWhatItReceived() {
    String key = Topics.alertKey("payments", "never-resolved-" + UUID.randomUUID());
    stack.send(Topics.ALERTS, key, alert("never-resolved"));

    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      assertThatThrownBy(
              () ->
                  reader.await(
                      "a RESOLVE for " + key,
                      records ->
                          records.stream()
                              .anyMatch(
                                  r ->
                                      key.equals(r.key())
                                          && r.value().getAction() == AlertAction.RESOLVE),
                      Duration.ofSeconds(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Timed out after 1 s waiting on topic vigil.alerts.v1")
          .hasMessageContaining("for: a RESOLVE for " + key)
          .hasMessageContaining("key=" + key)
          .hasMessageContaining("\"action\": \"TRIGGER\"");
    }
  }

  @Test
  void aTestCanCreateItsOwnTopic() throws Exception {
    String name = KafkaStack.uniqueTopicName("test.scratch");

    stack.createTopic(name);
    stack.createTopic(name);

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      var description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
      assertThat(description.partitions()).hasSize(3);
    }
  }

  @Test
  void uniqueGroupIdsDoNotRepeat() {
    assertThat(KafkaStack.uniqueGroupId("classifier"))
        .startsWith("classifier-")
        .isNotEqualTo(KafkaStack.uniqueGroupId("classifier"));
  }

  @Test
  void receivedRecordsKeepTheirKafkaCoordinates() {
    String key = Topics.alertKey("payments", "coordinates-" + UUID.randomUUID());
    var written = stack.send(Topics.ALERTS, key, alert("coordinates"));

    try (AvroTopicReader<AlertEvent> reader = stack.reader(Topics.ALERTS)) {
      ConsumerRecord<String, AlertEvent> record =
          reader
              .await(
                  "the record keyed " + key, rs -> rs.stream().anyMatch(r -> key.equals(r.key())))
              .stream()
              .filter(r -> key.equals(r.key()))
              .findFirst()
              .orElseThrow();
      assertThat(record.partition()).isEqualTo(written.partition());
      assertThat(record.offset()).isEqualTo(written.offset());
    }
  }
}
