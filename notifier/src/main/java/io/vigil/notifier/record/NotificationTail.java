package io.vigil.notifier.record;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic from a point in time and then follows it for as long as it runs, on its own thread,
 * handing every record to a sink; {@link #awaitCaughtUpSince} is a read barrier: it returns once
 * everything committed on the topic before a given instant has been handed over, whoever wrote it.
 */
final class NotificationTail implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationTail.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final Consumer<ConsumerRecord<String, byte[]>> sink;
  private final Duration requestTimeout;
  private final AtomicLong requested = new AtomicLong();
  private final Object caughtUp = new Object();
  private final Thread thread;
  private volatile long completed;

  /** When the latest completed read-to-the-end began (System.nanoTime). */
  private volatile long caughtUpAsOf;

  private volatile boolean idle;
  private volatile boolean running = true;

  /**
   * Assigns every partition of {@code topic} from {@code sinceMillis} and reads it to its end
   * before returning (within {@code requestTimeout}), then keeps following it.
   */
  NotificationTail(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      long sinceMillis,
      Duration requestTimeout,
      Consumer<ConsumerRecord<String, byte[]>> sink) {
    this.consumer = consumer;
    this.sink = sink;
    this.requestTimeout = requestTimeout;
    this.partitions =
        consumer.partitionsFor(topic, requestTimeout).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    seekTo(sinceMillis);
    long start = System.nanoTime();
    readToEnd();
    caughtUpAsOf = start;
    this.thread = new Thread(this::follow, "notifier-delivery-log");
    thread.setDaemon(true);
    thread.start();
  }

  private void seekTo(long sinceMillis) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, sinceMillis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, requestTimeout);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, requestTimeout);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = found.get(p);
      consumer.seek(p, at == null ? end.get(p) : at.offset());
    }
  }

  /** Reads until every partition's position reached its end offset as of now (read_committed). */
  private void readToEnd() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, requestTimeout);
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "could not read "
                + partitions.get(0).topic()
                + " to its end within "
                + requestTimeout
                + "; is Kafka up?");
      }
      consumer.poll(Duration.ofMillis(50)).forEach(sink);
    }
  }

  /**
   * Returns once every record committed on the topic before {@code instant} (System.nanoTime) has
   * been handed to the sink: at once when a read to the end that began later has completed, else
   * after a new one.
   *
   * @throws TimeoutException when that takes longer than {@code timeout} (Kafka unreachable)
   */
  void awaitCaughtUpSince(long instant, Duration timeout)
      throws TimeoutException, InterruptedException {
    if (caughtUpAsOf - instant >= 0) {
      return;
    }
    long mine = requested.incrementAndGet();
    if (idle) {
      consumer.wakeup(); // the only consumer method safe from another thread
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (caughtUp) {
      while (completed < mine) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !running) {
          throw new TimeoutException(
              "the delivery log did not catch up with "
                  + partitions.get(0).topic()
                  + " within "
                  + timeout);
        }
        caughtUp.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void follow() {
    while (running) {
      try {
        long target = requested.get();
        if (target > completed) {
          long start = System.nanoTime();
          readToEnd();
          synchronized (caughtUp) {
            caughtUpAsOf = start;
            completed = target;
            caughtUp.notifyAll();
          }
          continue;
        }
        idle = true;
        try {
          if (requested.get() > completed) {
            continue; // a barrier came in before idle was visible
          }
          consumer.poll(Duration.ofMillis(500)).forEach(sink);
        } finally {
          idle = false;
        }
      } catch (WakeupException e) {
        // a barrier was requested (or the tail is closing): look again
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("reading {} failed ({}); reading on", partitions.get(0).topic(), e.toString());
          pause();
        }
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private static void pause() {
    try {
      Thread.sleep(1_000); // only this reader's own thread waits before reading on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    synchronized (caughtUp) {
      caughtUp.notifyAll();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
