package io.vigil.ticketstore.command;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageBody;
import io.vigil.schemas.IncidentCommand;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one producer of {@code vigil.incident-commands.v1}: acks from all in-sync replicas,
 * idempotent, bounded waits ({@code kafka.producers.vigil-incident-commands} in application.yml).
 */
@KafkaClient(id = "vigil-incident-commands", acks = KafkaClient.Acknowledge.ALL)
public interface IncidentCommandProducer {

  /** Sends one command; the future completes when the broker has acknowledged it. */
  CompletableFuture<RecordMetadata> send(
      @Topic String topic, @KafkaKey String key, @MessageBody IncidentCommand command);
}
