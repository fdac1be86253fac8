package io.vigil.classifier.desk;

import io.vigil.classifier.ClassifierOptions;
import io.vigil.classifier.classify.CurrentRules;
import io.vigil.classifier.maintenance.HeldAlertListener;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.topic.Topics;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
 * service arrive here in order and become incident events under the configuration in force when
 * each arrives; a wall-clock sweep opens incidents for silent heartbeats and forgets closed
 * incidents after their retention, and a slower one drops held threshold counts and maintenance
 * alerts that no longer matter. A record that fails is dead-lettered and the stream goes on.
 */
public final class ServiceDeskProcessor
    implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDeskProcessor.class);

  private final Supplier<VigilConfig> config;
  private final ClassifierOptions options;
  private final String application;
  private final Serializer<AlertEvent> alertBytes;
  private final Serializer<IncidentCommand> commandBytes;
  private final HeldAlertListener heldAlerts;
  private final CurrentRules rules = new CurrentRules();
  private ProcessorContext<String, SpecificRecord> context;
  private DeskState state;
  private AlertRules alerts;
  private CommandRules commands;
  private HeartbeatRules heartbeats;
  private Housekeeping housekeeping;

  public ServiceDeskProcessor(
      Supplier<VigilConfig> config,
      ClassifierOptions options,
      String application,
      Serializer<AlertEvent> alertBytes,
      Serializer<IncidentCommand> commandBytes,
      HeldAlertListener heldAlerts) {
    this.config = config;
    this.options = options;
    this.application = application;
    this.alertBytes = alertBytes;
    this.commandBytes = commandBytes;
    this.heldAlerts = heldAlerts;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.state = new DeskState(context, options.closedRetention(), options.countInterval());
    this.alerts = new AlertRules(state, heldAlerts);
    this.commands = new CommandRules(state);
    this.heartbeats = new HeartbeatRules(state);
    this.housekeeping = new Housekeeping(state);
    context.schedule(options.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    context.schedule(
        options.housekeepingInterval(), PunctuationType.WALL_CLOCK_TIME, this::housekeeping);
  }

  private void sweep(long now) {
    VigilConfig document = config.get();
    emit(heartbeats.sweep(document, rules.of(document), now), now);
    for (String incidentId : state.duePendingCounts(now)) {
      state
          .publishCount(incidentId)
          .ifPresent(e -> context.forward(new Record<>(e.getIncidentId(), e, now)));
    }
    int dropped = state.expire(now);
    if (dropped > 0) {
      LOG.info(
          "forgot {} closed incidents past their retention of {}",
          dropped,
          options.closedRetention());
    }
  }

  private void housekeeping(long now) {
    int thresholds = housekeeping.sweepThresholds(config.get(), now);
    int held = housekeeping.sweepHeld(now);
    if (thresholds + held > 0) {
      LOG.info(
          "dropped {} threshold counts that can no longer be reached and {} maintenance-held"
              + " alerts past their retention",
          thresholds,
          held);
    }
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    long now = context.currentSystemTimeMs();
    try {
      VigilConfig document = config.get();
      if (record.value() instanceof AlertEvent alert) {
        emit(onAlert(record, alert, document, now), record.timestamp());
      } else if (record.value() instanceof IncidentCommand command) {
        emit(commands.apply(command, document, now), record.timestamp());
      }
    } catch (RuntimeException e) {
      LOG.error("cannot process record {} on {}", record.key(), context.recordMetadata(), e);
      deadLetter(record, "processing failed: " + e + "; fix the cause and replay the record", e);
    }
  }

  private List<IncidentEvent> onAlert(
      Record<String, SpecificRecord> record, AlertEvent alert, VigilConfig document, long now) {
    Optional<Service> service = document.service(alert.getServiceId());
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
    return alerts.apply(alert, service.get(), rules.of(document), now);
  }

  /**
   * Forwards the events, each incident's pending count first when one of its events other than
   * {@code AlertGrouped} goes out, so the timeline counts its alerts before it acknowledges,
   * resolves or re-classifies.
   */
  private void emit(List<IncidentEvent> events, long timestamp) {
    for (IncidentEvent event : events) {
      if (!(event.getEvent() instanceof AlertGrouped)
          && state.mayHavePendingCount(event.getIncidentId())) {
        state
            .publishCount(event.getIncidentId())
            .ifPresent(e -> context.forward(new Record<>(e.getIncidentId(), e, timestamp)));
      }
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
