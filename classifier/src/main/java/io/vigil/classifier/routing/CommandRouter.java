package io.vigil.classifier.routing;

import io.vigil.classifier.ClassifierOptions;
import io.vigil.classifier.desk.DeadLetterRecords;
import io.vigil.classifier.incident.IncidentEvents;
import io.vigil.config.Durations;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.topic.Topics;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a human command (keyed by incident id) on to the desk of the incident's service, found in
 * the incident directory this same task keeps from {@code vigil.incidents.v1}. A command for an
 * incident the directory does not know yet waits for it (it may have opened a moment ago) and goes
 * on the moment it opens; only one still unknown after the wait is rejected, as is a merge across
 * services.
 */
public final class CommandRouter
    implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

  private final ClassifierOptions options;
  private final String application;
  private final Serde<IncidentCommand> commandSerde;
  private ProcessorContext<String, SpecificRecord> context;
  private IncidentDirectory directory;
  private PendingCommands pending;

  public CommandRouter(
      ClassifierOptions options, String application, Serde<IncidentCommand> commandSerde) {
    this.options = options;
    this.application = application;
    this.commandSerde = commandSerde;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.directory =
        new IncidentDirectory(
            context.getStateStore(IncidentDirectory.STORE),
            context.getStateStore(IncidentDirectory.EXPIRY),
            options.closedRetention());
    this.pending = new PendingCommands(context.getStateStore(PendingCommand.STORE), commandSerde);
    context.schedule(options.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    long now = context.currentSystemTimeMs();
    try {
      if (record.value() instanceof IncidentEvent event) {
        if (directory.learn(event, now)) {
          for (KeyValue<Long, IncidentCommand> waiting : pending.release(event.getIncidentId())) {
            route(waiting.value, waiting.key, record.timestamp(), now);
          }
        }
      } else if (record.value() instanceof IncidentCommand command) {
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        route(command, offset, record.timestamp(), now);
      }
    } catch (RuntimeException e) {
      LOG.error("cannot route record {} on {}", record.key(), context.recordMetadata(), e);
      byte[] value =
          record.value() instanceof IncidentCommand c
              ? commandSerde.serializer().serialize(Topics.INCIDENT_COMMANDS.name(), c)
              : null;
      context.forward(
          record.withValue(
              DeadLetterRecords.of(
                  context,
                  application,
                  Topics.INCIDENT_COMMANDS.name(),
                  record.key(),
                  value,
                  "routing failed: " + e + "; fix the cause and replay the record",
                  e)));
    }
  }

  private void route(IncidentCommand c, long offset, long timestamp, long now) {
    Optional<String> service = directory.serviceOf(c.getIncidentId());
    if (service.isEmpty()) {
      pending.hold(c.getIncidentId(), offset, c, now);
      return;
    }
    if (c.getAction() == CommandAction.MERGE && c.getTargetIncidentId() != null) {
      Optional<String> target = directory.serviceOf(c.getTargetIncidentId());
      if (target.isEmpty()) {
        pending.hold(c.getTargetIncidentId(), offset, c, now);
        return;
      }
      if (!target.get().equals(service.get())) {
        reject(
            c,
            service.get(),
            "cannot merge across services: incident "
                + c.getTargetIncidentId()
                + " belongs to "
                + target.get()
                + ", this one to "
                + service.get(),
            timestamp);
        return;
      }
    }
    context.forward(new Record<>(service.get(), c, timestamp));
  }

  private void sweep(long now) {
    for (PendingCommands.Expired expired : pending.expire(now, options.commandWait().toMillis())) {
      IncidentCommand c = expired.command();
      String service = directory.serviceOf(c.getIncidentId()).orElse("unknown");
      reject(
          c,
          service,
          "incident "
              + expired.awaitedIncidentId()
              + " does not exist (or closed more than "
              + Durations.format(options.closedRetention())
              + " ago)",
          now);
    }
    int forgotten = directory.expire(now);
    if (forgotten > 0) {
      LOG.info("directory forgot {} incidents closed for {}", forgotten, options.closedRetention());
    }
  }

  private void reject(IncidentCommand c, String service, String reason, long timestamp) {
    IncidentEvent event =
        IncidentEvents.rejected(
            c.getIncidentId(),
            service,
            c.getCommandId(),
            c.getAction().name(),
            c.getActor(),
            reason,
            c.getIssuedAt() == null ? Instant.ofEpochMilli(timestamp) : c.getIssuedAt());
    context.forward(new Record<>(event.getIncidentId(), event, timestamp));
  }
}
