package io.vigil.classifier;

import io.vigil.classifier.incident.IncidentLifecycle;
import io.vigil.classifier.incident.OpenIncident;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each alert to its key's open incident and publishes the resulting incident event; an
 * alert naming a service the configuration does not know is dead-lettered, never guessed at.
 */
final class IncidentLifecycleProcessor implements Processor<String, AlertEvent, String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentLifecycleProcessor.class);

  private final VigilConfig config;
  private final IncidentLifecycle lifecycle;
  private final Serializer<AlertEvent> alertSerializer;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, OpenIncident> open;

  IncidentLifecycleProcessor(
      VigilConfig config, IncidentLifecycle lifecycle, Serializer<AlertEvent> alertSerializer) {
    this.config = config;
    this.lifecycle = lifecycle;
    this.alertSerializer = alertSerializer;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.open = context.getStateStore(IncidentTopology.OPEN_INCIDENTS_STORE);
  }

  @Override
  public void process(Record<String, AlertEvent> record) {
    AlertEvent alert = record.value();
    if (alert == null) {
      return;
    }
    Optional<Service> service = config.service(alert.getServiceId());
    if (service.isEmpty()) {
      deadLetter(
          record, "unknown service '" + alert.getServiceId() + "': add it to the configuration");
      return;
    }
    String key = Topics.alertKey(alert.getServiceId(), alert.getDedupKey());
    IncidentLifecycle.Transition t = lifecycle.apply(open.get(key), alert, service.get());
    if (t.ignored()) {
      LOG.debug("alert {} ({}): ignored, {}", alert.getEventId(), key, t.ignoredBecause());
      return;
    }
    if (t.next() == null) {
      open.delete(key);
    } else {
      open.put(key, t.next());
    }
    context.forward(
        record.withKey(t.event().getIncidentId()).withValue(t.event()),
        IncidentTopology.INCIDENTS_SINK);
  }

  private void deadLetter(Record<String, AlertEvent> record, String reason) {
    Optional<RecordMetadata> origin = context.recordMetadata();
    String topic = origin.map(RecordMetadata::topic).orElse(Topics.ALERTS.name());
    LOG.warn("dead-lettering alert {}: {}", record.value().getEventId(), reason);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setOriginTopic(topic)
            .setOriginPartition(origin.map(RecordMetadata::partition).orElse(-1))
            .setOriginOffset(origin.map(RecordMetadata::offset).orElse(-1L))
            .setKey(
                record.key() == null
                    ? null
                    : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
            .setValue(ByteBuffer.wrap(alertSerializer.serialize(topic, record.value())))
            .setReason(reason)
            .setErrorClass(null)
            .setApplication(IncidentTopology.APPLICATION_ID)
            .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build();
    context.forward(record.withValue(letter), IncidentTopology.DEAD_LETTERS_SINK);
  }
}
