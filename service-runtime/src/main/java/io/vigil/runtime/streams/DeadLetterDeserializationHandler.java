package io.vigil.runtime.streams;

import io.vigil.runtime.kafka.DeadLetters;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerdeConfig;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record a Kafka Streams topology cannot read goes to the dead-letter topic and processing
 * continues; an unreadable record never stops the stream.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private DeadLetters deadLetters;

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs) {
    String url = String.valueOf(configs.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL));
    deadLetters =
        new DeadLetters(
            String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)),
            String.valueOf(configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)),
            new HttpSchemaRegistryClient(url),
            KafkaClientSettings.select((Map<String, Object>) configs));
  }

  @Override
  public DeserializationHandlerResponse handle(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    deadLetters.publish(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        record.value(),
        exception);
    return DeserializationHandlerResponse.CONTINUE;
  }
}
