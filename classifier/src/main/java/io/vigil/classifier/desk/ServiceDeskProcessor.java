package io.vigil.classifier.desk;

import io.vigil.classifier.classify.Classifier;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of incidents for the services its task owns: alerts and human commands of a
 * service arrive here in order, become incident events, and a wall-clock sweep opens incidents for
 * silent heartbeats and forgets closed incidents after their retention. A record that fails is
 * dead-lettered and the stream goes on.
 */
public final class ServiceDeskProcessor
    implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDeskProcessor.class);

  private final VigilConfig config;
  private final Classifier classifier;
  private final Duration retention;
  private final Duration sweepEvery;
  private final String application;
  private final Serializer<AlertEvent> alertBytes;
  private final Serializer<IncidentCommand> commandBytes;
  private ProcessorContext<String, SpecificRecord> context;
  private DeskState state;
  private AlertRules alerts;
  private CommandRules commands;
  private HeartbeatRules heartbeats;

  public ServiceDeskProcessor(
      VigilConfig config,
      Classifier classifier,
      Duration retention,
      Duration sweepEvery,
      String application,
      Serializer<AlertEvent> alertBytes,
      Serializer<IncidentCommand> commandBytes) {
    this.config = config;
    this.classifier = classifier;
    this.retention = retention;
    this.sweepEvery = sweepEvery;
    this.application = application;
    this.alertBytes = alertBytes;
    this.commandBytes = commandBytes;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.state =
        new DeskState(
            context.getStateStore(DeskState.INCIDENTS),
            context.getStateStore(DeskState.ALERTS),
            context.getStateStore(DeskState.GROUPS),
            context.getStateStore(DeskState.THRESHOLDS),
            context.getStateStore(DeskState.SERVICES),
            context.getStateStore(DeskState.HEARTBEATS),
            context.getStateStore(DeskState.EXPIRY),
            retention);
    this.alerts = new AlertRules(state, classifier);
    this.commands = new CommandRules(state, config);
    this.heartbeats = new HeartbeatRules(state, config, classifier);
    context.schedule(sweepEvery, PunctuationType.WALL_CLOCK_TIME, this::sweep);
  }

  private void sweep(long now) {
    emit(heartbeats.sweep(now), now);
    int dropped = state.expire(now);
    if (dropped > 0) {
      LOG.info("forgot {} closed incidents past their retention of {}", dropped, retention);
    }
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    long now = context.currentSystemTimeMs();
    try {
      if (record.value() instanceof AlertEvent alert) {
        emit(onAlert(record, alert, now), record.timestamp());
      } else if (record.value() instanceof IncidentCommand command) {
        emit(commands.apply(command, now), record.timestamp());
      }
    } catch (RuntimeException e) {
      LOG.error("cannot process record {} on {}", record.key(), context.recordMetadata(), e);
      deadLetter(record, "processing failed: " + e + "; fix the cause and replay the record", e);
    }
  }

  private List<IncidentEvent> onAlert(
      Record<String, SpecificRecord> record, AlertEvent alert, long now) {
    Optional<Service> service = config.service(alert.getServiceId());
    if (service.isEmpty()) {
      deadLetter(record, "unknown service '" + alert.getServiceId() + "'", null);
      return List.of();
    }
    if (alert.getAction() == AlertAction.HEARTBEAT) {
      if (HeartbeatRules.heartbeat(service.get(), alert.getDedupKey()).isEmpty()) {
        deadLetter(
            record,
            "unknown heartbeat '"
                + alert.getDedupKey()
                + "' of service '"
                + service.get().id()
                + "': add it to the service's heartbeats",
            null);
        return List.of();
      }
      return heartbeats.checkIn(alert, service.get(), now);
    }
    return alerts.apply(alert, service.get(), now);
  }

  private void emit(List<IncidentEvent> events, long timestamp) {
    for (IncidentEvent event : events) {
      context.forward(new Record<>(event.getIncidentId(), event, timestamp));
    }
  }

  private void deadLetter(Record<String, SpecificRecord> record, String reason, Throwable error) {
    byte[] value;
    try {
      value =
          record.value() instanceof AlertEvent a
              ? alertBytes.serialize(Topics.ALERTS.name(), a)
              : commandBytes.serialize(
                  Topics.INCIDENT_COMMANDS.name(), (IncidentCommand) record.value());
    } catch (RuntimeException e) {
      value = null;
    }
    context.forward(
        record.withValue(
            DeadLetterRecords.of(
                context, application, Topics.ALERTS.name(), record.key(), value, reason, error)));
  }
}
