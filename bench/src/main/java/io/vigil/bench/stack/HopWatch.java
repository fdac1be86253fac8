package io.vigil.bench.stack;

import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.serde.AvroDeserializer;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where an alert's way to its page spends its time: stamps, on the load generator's clock, the
 * moment each probe's record becomes visible to a {@code read_committed} subscriber on each topic
 * of the path after {@code vigil.alerts.v1} — its {@code IncidentOpened}, the incident's first
 * escalation record, its first notification record (the attempt about to be sent), kept in {@link
 * HopTimes}. Each visible moment includes every exactly-once commit before it; the differences
 * between hops are what each service and its commit add.
 */
public final class HopWatch implements AutoCloseable {

  private final KafkaConsumer<String, SpecificRecord> consumer;
  private final HopTimes times = new HopTimes();
  private final Thread reader;
  private volatile boolean closed;

  /** Starts reading the three topics from their current ends. */
  public HopWatch(String bootstrap, String registryUrl) {
    Properties p = Subscribers.readCommitted(bootstrap, "vigil-bench-hops");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    this.consumer =
        new KafkaConsumer<>(
            p,
            new StringDeserializer(),
            new AvroDeserializer<>(new HttpSchemaRegistryClient(registryUrl)));
    // Not vigil.alerts.v1: reading 1,000 alerts/s here measurably slowed the stack it measures.
    Subscribers.fromTheEnd(
        consumer,
        List.of(Topics.INCIDENTS.name(), Topics.ESCALATIONS.name(), Topics.NOTIFICATIONS.name()));
    this.reader = new Thread(this::read, "bench-hop-watch");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, SpecificRecord> r : consumer.poll(Duration.ofMillis(50))) {
          times.see(r.value(), System.nanoTime());
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** The times seen so far. */
  public HopTimes times() {
    return times;
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    reader.join(5_000);
  }
}
