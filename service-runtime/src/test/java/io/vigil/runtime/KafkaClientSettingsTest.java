package io.vigil.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.runtime.kafka.KafkaClientSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

  @Test
  void keepsSecurityAndConnectionSettingsOnly() {
    Map<String, Object> selected =
        KafkaClientSettings.select(
            Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka...ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "consumers.default.max.poll.records", "10"));

    assertThat(selected)
        .containsOnlyKeys(
            "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
  }
}
