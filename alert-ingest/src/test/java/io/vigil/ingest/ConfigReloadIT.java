package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.config.ConfigDocument;
import io.vigil.runtime.config.ConfigPublisher;
import io.vigil.schemas.serde.AvroSerializer;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * An integration key issued through the configuration topic is accepted by the running service, and
 * the key it replaced is refused, without a restart.
 */
@WithKafkaStack
class ConfigReloadIT {

  private static final String OLD_KEY = "11111111111111111111111111111111";
  private static final String NEW_KEY = "abcdefabcdefabcdefabcdefabcdef01";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRotatedKeyIsHonouredWithinSecondsWithoutARestart(KafkaStack stack) throws Exception {
    String topic = KafkaStack.uniqueTopicName("vigil.config");
    stack.createTopic(topic, 3, true);
    EmbeddedServer server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port", Ports.free(),
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "vigil.schema-registry-url", stack.schemaRegistryUrl(),
                "vigil.config-file", EnqueueIT.testConfig().toString(),
                "vigil.config.topic", topic));
    try {
      assertThat(enqueue(server, OLD_KEY)).isEqualTo(202);
      assertThat(enqueue(server, NEW_KEY)).isEqualTo(400);

      String rotated = Files.readString(EnqueueIT.testConfig()).replace(OLD_KEY, NEW_KEY);
      Map<String, Object> producer = new HashMap<>(stack.clientConfig());
      producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "config-" + topic);
      new ConfigPublisher(topic, producer, new AvroSerializer<>(stack.registryClient(), false))
          .publish(ConfigDocument.split(rotated, "rotated"), Map.of(), 0, Instant.now());

      await().atMost(Duration.ofSeconds(20)).until(() -> enqueue(server, NEW_KEY) == 202);
      assertThat(enqueue(server, OLD_KEY)).isEqualTo(400);
    } finally {
      server.getApplicationContext().close();
    }
  }

  private int enqueue(EmbeddedServer server, String key) throws Exception {
    String body =
        """
        {"routing_key": "%s", "event_action": "trigger", "dedup_key": "reload-check",
         "payload": {"summary": "key check", "source": "test", "severity": "info"}}
        """
            .formatted(key);
    return http.send(
            HttpRequest.newBuilder(server.getURI().resolve("/v2/enqueue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
