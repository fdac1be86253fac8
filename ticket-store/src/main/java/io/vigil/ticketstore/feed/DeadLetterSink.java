package io.vigil.ticketstore.feed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Where a consumer sends what it cannot apply, so that consumption moves on and nothing is dropped
 * silently: an unreadable record, or a read record that could not be applied.
 */
public interface DeadLetterSink {

  /** A record whose bytes could not be read. */
  void unreadable(RecordDeserializationException unreadable);

  /** A record that was read but could not be applied, and why. */
  void failed(ConsumerRecord<?, ?> record, Throwable reason);
}
