package io.vigil.classifier.routing;

import io.vigil.schemas.topic.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Splits alerts re-keyed by service id by where they were read: an alert read from the partition of
 * {@code vigil.alerts.v1} whose number is its service's partition of {@code alerts-by-service}
 * ({@link Topics#servicePartition}) is already in the task that keeps the service's state and goes
 * straight to the desk ({@link #direct}); any other (a producer that did not partition by service,
 * or a topic with another partition count) is moved through {@code alerts-by-service} ({@link
 * #moved}). alert-ingest partitions by service, so its alerts take one exactly-once hop, not two.
 */
public final class DeskPartition<V> implements Processor<String, V, String, V> {

  private final boolean keepDirect;
  private final int partitions;
  private ProcessorContext<String, V> context;

  private DeskPartition(boolean keepDirect, int partitions) {
    this.keepDirect = keepDirect;
    this.partitions = partitions;
  }

  /** Passes the alerts already in their service's task. */
  public static <V> DeskPartition<V> direct(int partitions) {
    return new DeskPartition<>(true, partitions);
  }

  /** Passes the alerts that must move to their service's task. */
  public static <V> DeskPartition<V> moved(int partitions) {
    return new DeskPartition<>(false, partitions);
  }

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, V> record) {
    int read = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
    boolean inPlace = read == Topics.servicePartition(record.key(), partitions);
    if (inPlace == keepDirect) {
      context.forward(record);
    }
  }
}
