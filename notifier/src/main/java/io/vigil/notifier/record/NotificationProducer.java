package io.vigil.notifier.record;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageBody;
import io.vigil.schemas.NotificationEvent;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one producer of {@code vigil.notifications.v1}: acks from all in-sync replicas, idempotent;
 * {@link #send} blocks until the broker acknowledged ({@code kafka.producers.vigil-notifications}).
 */
@KafkaClient(id = "vigil-notifications", acks = KafkaClient.Acknowledge.ALL)
public interface NotificationProducer {

  /** Sends one result keyed by user id and returns once the broker has it. */
  RecordMetadata send(
      @Topic String topic, @KafkaKey String userId, @MessageBody NotificationEvent event);
}
