package io.vigil.ticketstore.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.vigil.ticketstore.ticket.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.junit.jupiter.api.Test;

/**
 * The one shape of the ticket store's consumers, without a broker: a poll is applied in one call
 * and what cannot be read is dead-lettered after it; a poll still refused after the retries is
 * applied one record at a time, dead-lettering only the records that fail (all the rest at once
 * when the database cannot be reached); unreadable bytes are dead-lettered by one listener only.
 */
class FeedListenerTest {

  private static final String TOPIC = "vigil.test.v1";

  private final List<String> deadLetters = new CopyOnWriteArrayList<>();
  private final DeadLetterSink sink =
      new DeadLetterSink() {
        @Override
        public void unreadable(RecordDeserializationException unreadable) {
          deadLetters.add("unreadable at " + unreadable.offset());
        }

        @Override
        public void failed(ConsumerRecord<?, ?> record, Throwable reason) {
          deadLetters.add(record.offset() + " " + record.value() + ": " + reason.getMessage());
        }
      };

  /** Applies numbers; "x" has an unknown shape; "skip" needs nothing; the refusal is chosen. */
  private final class Numbers extends FeedListener<String, Integer> {

    final List<List<Integer>> applied = new ArrayList<>();
    final boolean firstListener;
    Predicate<List<Integer>> refused = events -> false;
    Exception refusal = new SQLException("value too long for type character varying(255)", "22001");

    Numbers(boolean firstListener) {
      super(sink);
      this.firstListener = firstListener;
    }

    @Override
    protected Optional<Integer> read(String value) {
      if (value.equals("skip")) {
        return Optional.empty();
      }
      if (value.equals("x")) {
        throw new IllegalArgumentException("unknown number event x");
      }
      return Optional.of(Integer.parseInt(value));
    }

    @Override
    protected void applyAll(List<Integer> events) {
      if (refused.test(events)) {
        throw new StoreUnavailableException("cannot apply " + events, refusal);
      }
      applied.add(List.copyOf(events));
    }

    @Override
    protected boolean deadLettersUnreadable() {
      return firstListener;
    }
  }

  @Test
  void aPollIsAppliedInOneCallAndWhatCannotBeReadIsDeadLetteredAfterIt() {
    Numbers listener = new Numbers(true);

    listener.applyPoll(records("1", "x", "2", "skip", "3"));

    assertThat(listener.applied).containsExactly(List.of(1, 2, 3));
    assertThat(deadLetters).containsExactly("1 x: unknown number event x");
  }

  @Test
  void aRefusedPollIsThrownForTheRetriesAndDeadLettersNothingYet() {
    Numbers listener = new Numbers(true);
    listener.refused = events -> true;

    assertThatThrownBy(() -> listener.applyPoll(records("1", "x", "2")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void afterTheRetriesOnlyTheRecordsThatFailAloneAreDeadLettered() {
    Numbers listener = new Numbers(true);
    listener.refused = events -> events.contains(3);

    listener.handle(retriesExhausted(listener, "1", "3", "x", "2"));

    assertThat(listener.applied).containsExactly(List.of(1), List.of(2));
    assertThat(deadLetters).containsExactly("1 3: cannot apply [3]", "2 x: unknown number event x");
  }

  @Test
  void onceTheDatabaseCannotBeReachedTheRestOfThePollIsDeadLetteredAtOnce() {
    Numbers listener = new Numbers(true);
    listener.refused = events -> true;
    listener.refusal = new SQLTransientConnectionException("Connection is not available");

    listener.handle(retriesExhausted(listener, "1", "2", "3"));

    assertThat(listener.applied).isEmpty();
    assertThat(deadLetters)
        .containsExactly(
            "0 1: cannot apply [1]",
            "1 2: not applied: the database could not be reached after the retries (cannot apply"
                + " [1])",
            "2 3: not applied: the database could not be reached after the retries (cannot apply"
                + " [1])");
  }

  @Test
  void unreadableBytesAreDeadLetteredByTheFirstListenerOfATopicOnly() {
    RecordDeserializationException unreadable =
        new RecordDeserializationException(
            new TopicPartition(TOPIC, 0), 7, "cannot read", new IllegalStateException("not Avro"));

    new Numbers(true).handle(new KafkaListenerException(unreadable, this, null, null));
    new Numbers(false).handle(new KafkaListenerException(unreadable, this, null, null));

    assertThat(deadLetters).containsExactly("unreadable at 7");
  }

  @Test
  void aDatabaseIsUnreachableOnlyWhenNoConnectionCouldBeHad() {
    assertThat(
            new StoreUnavailableException("x", new SQLTransientConnectionException("timeout"))
                .unreachable())
        .isTrue();
    assertThat(
            new StoreUnavailableException("x", new SQLException("Connection refused", "08001"))
                .unreachable())
        .isTrue();
    assertThat(
            new StoreUnavailableException("x", new SQLException("value too long", "22001"))
                .unreachable())
        .isFalse();
  }

  private static List<ConsumerRecord<String, String>> records(String... values) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      records.add(new ConsumerRecord<>(TOPIC, 0, i, "key-" + i, values[i]));
    }
    return records;
  }

  private static KafkaListenerException retriesExhausted(Object listener, String... values) {
    ConsumerRecords<String, String> poll =
        new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), records(values)));
    return new KafkaListenerException(
        "Error processing records",
        new StoreUnavailableException("cannot apply the poll", null),
        listener,
        null,
        poll,
        null);
  }
}
