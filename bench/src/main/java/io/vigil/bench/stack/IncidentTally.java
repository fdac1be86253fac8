package io.vigil.bench.stack;

import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.serde.AvroDeserializer;
import io.vigil.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts, from {@code vigil.incidents.v1} as any subscriber reads it ({@code read_committed}, from
 * the moment it starts), the incidents opened and the alerts counted into incidents (each
 * incident's highest count: 1 when opened, then its {@code AlertGrouped} counts, which cover
 * repeats published together) for a set of services — the classifier's answer to a storm, checked
 * against the rules' prediction.
 */
public final class IncidentTally implements AutoCloseable {

  private final KafkaConsumer<String, IncidentEvent> consumer;
  private final Set<String> services;
  private final Map<String, Long> opened = new ConcurrentHashMap<>();
  private final AlertCounts counts = new AlertCounts();
  private final AtomicLong lastEvent = new AtomicLong();

  /** Starts reading at the current end of the topic, counting events of {@code services}. */
  public IncidentTally(String bootstrap, String registryUrl, Set<String> services) {
    this.consumer =
        new KafkaConsumer<>(
            Subscribers.readCommitted(bootstrap, "vigil-bench-incidents"),
            new StringDeserializer(),
            new AvroDeserializer<>(new HttpSchemaRegistryClient(registryUrl)));
    this.services = Set.copyOf(services);
    Subscribers.fromTheEnd(consumer, List.of(Topics.INCIDENTS.name()));
  }

  /** Reads what has arrived, for up to {@code wait}. */
  public void poll(Duration wait) {
    for (ConsumerRecord<String, IncidentEvent> r : consumer.poll(wait)) {
      IncidentEvent e = r.value();
      if (e == null || !services.contains(e.getServiceId())) {
        continue;
      }
      lastEvent.set(System.nanoTime());
      if (e.getEvent() instanceof IncidentOpened) {
        opened.merge(e.getServiceId(), 1L, Long::sum);
        counts.count(e.getIncidentId(), 1);
      } else if (e.getEvent() instanceof AlertGrouped g) {
        counts.count(e.getIncidentId(), g.getAlertCount()); // repeats published as counts
      }
    }
  }

  /** Incidents opened so far on the services. */
  public long opened() {
    return opened.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Alerts that opened or joined an incident so far. */
  public long alertsCounted() {
    return counts.total();
  }

  /** When the latest counted event was read (nanoTime), 0 before the first. */
  public long lastEventNanos() {
    return lastEvent.get();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
