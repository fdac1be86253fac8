package io.vigil.ticketstore.change;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.vigil.schemas.ChangeEvent;
import io.vigil.ticketstore.feed.DeadLetterRouting;
import io.vigil.ticketstore.feed.FeedConsumer;
import io.vigil.ticketstore.feed.FeedListener;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies every committed record of {@code vigil.changes.v1} (deploys and other changes to a
 * service), a poll at a time, retrying while the database is unavailable and dead-lettering what
 * cannot be applied.
 */
@FeedConsumer(groupId = "vigil-ticket-store-changes", clientId = "ticket-store-changes")
public class ChangeEventsListener extends FeedListener<ChangeEvent, ServiceChange> {

  /**
   * Spelled here because annotations need a constant; a test holds it to {@code Topics.CHANGES}.
   */
  static final String TOPIC = "vigil.changes.v1";

  private final ServiceChanges changes;

  public ChangeEventsListener(ServiceChanges changes, DeadLetterRouting deadLetters) {
    super(deadLetters);
    this.changes = changes;
  }

  @Topic(TOPIC)
  void receive(List<ConsumerRecord<String, ChangeEvent>> records) {
    applyPoll(records);
  }

  @Override
  protected Optional<ServiceChange> read(ChangeEvent value) {
    return Optional.of(ChangeEventMapping.toChange(value));
  }

  @Override
  protected void applyAll(List<ServiceChange> events) {
    changes.applyAll(events);
  }
}
