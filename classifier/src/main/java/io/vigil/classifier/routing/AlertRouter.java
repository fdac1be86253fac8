package io.vigil.classifier.routing;

import io.vigil.classifier.desk.DeadLetterRecords;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.topic.Topics;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each alert on to its service's desk (re-keyed by service id, so a service's grouping, storm
 * and threshold windows see all its alerts in order); an alert naming a service the configuration
 * in force does not know is dead-lettered, never guessed at.
 */
public final class AlertRouter implements Processor<String, AlertEvent, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertRouter.class);

  private final Supplier<VigilConfig> config;
  private final String application;
  private final Serializer<AlertEvent> alertBytes;
  private ProcessorContext<String, SpecificRecord> context;

  public AlertRouter(
      Supplier<VigilConfig> config, String application, Serializer<AlertEvent> alertBytes) {
    this.config = config;
    this.application = application;
    this.alertBytes = alertBytes;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, AlertEvent> record) {
    AlertEvent alert = record.value();
    if (alert == null) {
      return;
    }
    if (config.get().service(alert.getServiceId()).isPresent()) {
      context.forward(record.withKey(alert.getServiceId()).withValue(alert));
      return;
    }
    String reason = "unknown service '" + alert.getServiceId() + "': add it to the configuration";
    LOG.warn("dead-lettering alert {}: {}", alert.getEventId(), reason);
    byte[] value = alertBytes.serialize(Topics.ALERTS.name(), alert);
    context.forward(
        record.withValue(
            DeadLetterRecords.of(
                context, application, Topics.ALERTS.name(), record.key(), value, reason, null)));
  }
}
