package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.Compatibility;
import io.vigil.registry.KafkaSchemaStore;
import io.vigil.registry.SchemaRegistryServer;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.ConfigEntity;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.topic.Topics;
import org.junit.jupiter.api.Test;

@WithKafkaStack
class KafkaSchemaStoreRestartIT {

  private static final String ALERTS = Topics.ALERTS.valueSubject();
  private static final String CONFIG = Topics.CONFIG.valueSubject();

  @Test
  void aRestartedRegistryRebuildsIdsVersionsConfigAndDeletionsFromItsTopic(KafkaStack stack) {
    // Its own topic, so the stack's shared registry is not disturbed.
    String topic = KafkaStack.uniqueTopicName("_schemas-restart");
    int alertsId;
    int configId;
    try (SchemaRegistryServer first =
        SchemaRegistryServer.start(0, KafkaSchemaStore.open(stack.bootstrapServers(), topic))) {
      var client = new HttpSchemaRegistryClient(first.url());
      alertsId = client.register(ALERTS, AlertEvent.getClassSchema());
      configId = client.register(CONFIG, ConfigEntity.getClassSchema());
      first.registry().setCompatibility(ALERTS, Compatibility.FULL);
      first.registry().deleteSubject(CONFIG);
    }

    try (SchemaRegistryServer second =
        SchemaRegistryServer.start(0, KafkaSchemaStore.open(stack.bootstrapServers(), topic))) {
      var client = new HttpSchemaRegistryClient(second.url());
      assertThat(client.schemaById(alertsId)).isEqualTo(AlertEvent.getClassSchema());
      assertThat(client.idOf(ALERTS, AlertEvent.getClassSchema())).isEqualTo(alertsId);
      assertThat(client.schemaById(configId)).isEqualTo(ConfigEntity.getClassSchema());
      assertThat(second.registry().subjects(false)).containsExactly(ALERTS);
      assertThat(second.registry().subjectCompatibility(ALERTS)).contains(Compatibility.FULL);

      int next = client.register("other-value", IncidentEvent.getClassSchema());
      assertThat(next).isEqualTo(Math.max(alertsId, configId) + 1);
    }
  }

  @Test
  void theSharedRegistryKeepsWhatItRegistersInTheSchemasTopic(KafkaStack stack) {
    int id = stack.registryClient().register(ALERTS, AlertEvent.getClassSchema());

    try (KafkaSchemaStore fromTopic = KafkaSchemaStore.open(stack.bootstrapServers())) {
      assertThat(fromTopic.schemaById(id)).contains(AlertEvent.getClassSchema().toString());
    }
  }
}
