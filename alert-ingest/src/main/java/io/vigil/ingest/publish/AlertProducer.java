package io.vigil.ingest.publish;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageBody;
import io.vigil.schemas.AlertEvent;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one producer of {@code vigil.alerts.v1}: acks from all in-sync replicas, idempotent, with
 * bounded blocking and delivery times ({@code kafka.producers.vigil-alerts} in application.yml).
 */
@KafkaClient(id = "vigil-alerts", acks = KafkaClient.Acknowledge.ALL)
public interface AlertProducer {

  /** Sends one alert; the future completes when the broker has acknowledged it. */
  CompletableFuture<RecordMetadata> send(
      @Topic String topic, @KafkaKey String key, @MessageBody AlertEvent alert);
}
