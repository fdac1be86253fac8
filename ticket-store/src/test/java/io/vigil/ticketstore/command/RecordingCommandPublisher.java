package io.vigil.ticketstore.command;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.vigil.ticketstore.api.UnavailableException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for Kafka in the in-process API tests: remembers each command, or fails on demand. */
@Singleton
@Replaces(KafkaCommandPublisher.class)
@Requires(property = "vigil.test.recording-commands", value = "true")
public class RecordingCommandPublisher implements CommandPublisher {

  public final List<Command> published = new CopyOnWriteArrayList<>();
  public volatile boolean failing;

  @Override
  public void publish(Command command) {
    if (failing) {
      throw new UnavailableException(
          "the command could not be put on Kafka (broker down); nothing was done, retry", null);
    }
    published.add(command);
  }
}
