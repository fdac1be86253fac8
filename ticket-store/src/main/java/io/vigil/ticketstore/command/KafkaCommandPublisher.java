package io.vigil.ticketstore.command;

import io.micronaut.context.BeanProvider;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.topic.Topics;
import io.vigil.ticketstore.api.UnavailableException;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Maps a command to its Avro record and waits for the broker's acknowledgement (acks=all), so a
 * {@code 202} means the command is on Kafka.
 */
@Singleton
public class KafkaCommandPublisher implements CommandPublisher {

  private static final long WAIT_SECONDS = 10;

  private final BeanProvider<IncidentCommandProducer> producer;

  public KafkaCommandPublisher(BeanProvider<IncidentCommandProducer> producer) {
    this.producer = producer;
  }

  /** The Avro form of a command; the domain type stops here. */
  public static IncidentCommand toAvro(Command command) {
    return IncidentCommand.newBuilder()
        .setCommandId(command.commandId())
        .setIncidentId(command.incidentId())
        .setAction(CommandAction.valueOf(command.action().name()))
        .setActor(command.actor())
        .setIssuedAt(command.issuedAt())
        .setNote(command.note())
        .setUserId(command.userId())
        .setSnoozeUntil(command.snoozeUntil())
        .setTargetIncidentId(command.targetIncidentId())
        .build();
  }

  @Override
  public void publish(Command command) {
    try {
      producer
          .get()
          .send(Topics.INCIDENT_COMMANDS.name(), command.incidentId(), toAvro(command))
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static UnavailableException unavailable(Exception e) {
    return new UnavailableException(
        "the command could not be put on Kafka (" + e.getMessage() + "); nothing was done, retry",
        e);
  }
}
