package io.vigil.ticketstore.command;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.vigil.schemas.IncidentEvent;
import io.vigil.ticketstore.feed.DeadLetterRouting;
import io.vigil.ticketstore.feed.FeedConsumer;
import io.vigil.ticketstore.feed.FeedListener;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Learns each command's answer from {@code vigil.incidents.v1} in its own consumer group (the
 * ticket listener is untouched), a poll at a time: an event carrying the command id applied it, a
 * {@code CommandRejected} rejected it.
 */
@FeedConsumer(
    groupId = "vigil-ticket-store-command-outcomes",
    clientId = "ticket-store-command-outcomes")
public class CommandOutcomeListener extends FeedListener<IncidentEvent, CommandOutcome> {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code Topics.INCIDENTS}.
   */
  static final String TOPIC = "vigil.incidents.v1";

  private final CommandLog commands;

  public CommandOutcomeListener(CommandLog commands, DeadLetterRouting deadLetters) {
    super(deadLetters);
    this.commands = commands;
  }

  /**
   * The ticket listener dead-letters unreadable records of this topic already; only a record this
   * listener read but could not apply is sent on, so nothing is dead-lettered twice.
   */
  @Override
  protected boolean deadLettersUnreadable() {
    return false;
  }

  @Topic(TOPIC)
  void receive(List<ConsumerRecord<String, IncidentEvent>> records) {
    applyPoll(records);
  }

  @Override
  protected Optional<CommandOutcome> read(IncidentEvent value) {
    return CommandOutcome.of(value);
  }

  @Override
  protected void applyAll(List<CommandOutcome> events) {
    commands.answeredAll(events);
  }
}
