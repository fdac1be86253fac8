package io.vigil.ingest.publish;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageBody;
import io.vigil.schemas.ChangeEvent;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one producer of {@code vigil.changes.v1}, configured like the alerts producer ({@code
 * kafka.producers.vigil-changes}): acks from all in-sync replicas, idempotent, bounded waits.
 */
@KafkaClient(id = "vigil-changes", acks = KafkaClient.Acknowledge.ALL)
public interface ChangeProducer {

  /** Sends one change; the future completes when the broker has acknowledged it. */
  CompletableFuture<RecordMetadata> send(
      @Topic String topic, @KafkaKey String key, @MessageBody ChangeEvent change);
}
