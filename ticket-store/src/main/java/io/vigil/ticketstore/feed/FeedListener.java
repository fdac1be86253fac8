package io.vigil.ticketstore.feed;

import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each poll of a topic in one database transaction, and never lets a record stop the
 * consumer: a record of unknown shape is dead-lettered and the rest of its poll applied; a poll the
 * database still refuses after the retries is applied again one record at a time, so only the
 * records that fail on their own are dead-lettered; unreadable bytes are dead-lettered where {@link
 * #deadLettersUnreadable} says so. Subclasses are annotated with {@link FeedConsumer} and hand
 * their {@code @Topic} method's records to {@link #applyPoll}.
 *
 * @param <V> the topic's value type
 * @param <E> the domain event a value stands for
 */
public abstract class FeedListener<V, E> implements KafkaListenerExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FeedListener.class);

  private final DeadLetterSink deadLetters;

  protected FeedListener(DeadLetterSink deadLetters) {
    this.deadLetters = deadLetters;
  }

  /**
   * The event a record's value stands for, or empty when it changes nothing here.
   *
   * @throws RuntimeException when the value has an unknown shape (it is dead-lettered)
   */
  protected abstract Optional<E> read(V value);

  /**
   * Applies the events in their order in one transaction, each at most once.
   *
   * @throws StoreUnavailableException when the database fails; the poll is worth retrying
   */
  protected abstract void applyAll(List<E> events);

  /**
   * Whether this listener dead-letters unreadable records of its topic; false for a second listener
   * of a topic whose first listener does it already, so nothing is dead-lettered twice.
   */
  protected boolean deadLettersUnreadable() {
    return true;
  }

  /**
   * Applies one poll: the events it holds in one transaction, then dead-letters what it could not
   * read.
   */
  protected final void applyPoll(List<ConsumerRecord<String, V>> records) {
    List<E> events = new ArrayList<>(records.size());
    List<ConsumerRecord<String, V>> rejected = new ArrayList<>();
    List<RuntimeException> reasons = new ArrayList<>();
    for (ConsumerRecord<String, V> record : records) {
      try {
        read(record.value()).ifPresent(events::add);
      } catch (RuntimeException e) {
        rejected.add(record);
        reasons.add(e);
      }
    }
    if (!events.isEmpty()) {
      applyAll(events);
    }
    // Only once the poll is applied: a retried poll must not dead-letter the same record twice.
    for (int i = 0; i < rejected.size(); i++) {
      deadLetters.failed(rejected.get(i), reasons.get(i));
    }
  }

  @Override
  public final void handle(KafkaListenerException exception) {
    Throwable reason = exception.getCause() == null ? exception : exception.getCause();
    if (reason instanceof RecordDeserializationException unreadable) {
      if (deadLettersUnreadable()) {
        deadLetters.unreadable(unreadable);
      }
      return;
    }
    Optional<ConsumerRecords<?, ?>> poll = exception.getConsumerRecords();
    if (poll.isPresent()) {
      oneByOne(poll.get(), reason);
      return;
    }
    exception
        .getConsumerRecord()
        .ifPresentOrElse(
            record -> deadLetters.failed(record, reason),
            () -> LOG.error("listener failed outside any record: {}", reason.getMessage(), reason));
  }

  /**
   * After the retries: each record in its own transaction, dead-lettering those that fail; once the
   * database cannot even be reached, the rest of the poll is dead-lettered without waiting on it.
   */
  private void oneByOne(ConsumerRecords<?, ?> poll, Throwable pollFailure) {
    LOG.warn(
        "{} records could not be applied together after the retries ({}); applying them one by one",
        poll.count(),
        pollFailure.getMessage());
    Throwable unreachable = null;
    for (ConsumerRecord<?, ?> record : poll) {
      if (unreachable != null) {
        deadLetters.failed(record, unreachable);
        continue;
      }
      try {
        @SuppressWarnings("unchecked")
        V value = (V) record.value();
        read(value).ifPresent(event -> applyAll(List.of(event)));
      } catch (StoreUnavailableException e) {
        deadLetters.failed(record, e);
        if (e.unreachable()) {
          unreachable =
              new StoreUnavailableException(
                  "not applied: the database could not be reached after the retries ("
                      + e.getMessage()
                      + ")",
                  e);
        }
      } catch (RuntimeException e) {
        deadLetters.failed(record, e);
      }
    }
  }
}
