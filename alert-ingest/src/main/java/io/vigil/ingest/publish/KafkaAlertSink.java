package io.vigil.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertEvents;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.schemas.topic.Topics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts accepted alerts on {@code vigil.alerts.v1} keyed {@code serviceId/dedupKey} and returns only
 * once Kafka acknowledged every one of them, or fails within {@code vigil.ingest.publish-timeout};
 * a batch is sent at once and then awaited, so its records share round trips.
 */
@Singleton
public class KafkaAlertSink implements AlertSink {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertSink.class);

  private final AlertProducer producer;
  private final Duration timeout;
  private final Timer sendLatency;

  public KafkaAlertSink(
      AlertProducer producer,
      @Value("${vigil.ingest.publish-timeout:9s}") Duration timeout,
      MeterRegistry registry) {
    this.producer = producer;
    this.timeout = timeout;
    this.sendLatency =
        Timer.builder("vigil.ingest.kafka.send")
            .description("Time from handing alerts to the producer to Kafka's acknowledgement")
            .tag("topic", Topics.ALERTS.name())
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(15))
            .register(registry);
  }

  @Override
  public void publish(Alert alert) throws AlertsUnavailableException {
    publishAll(List.of(alert));
  }

  @Override
  public void publishAll(List<Alert> alerts) throws AlertsUnavailableException {
    if (alerts.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>(alerts.size());
    String key = null;
    try {
      for (Alert alert : alerts) {
        key = Topics.alertKey(alert.serviceId(), alert.dedupKey());
        sent.add(producer.send(Topics.ALERTS.name(), key, AlertEvents.toAvro(alert)));
      }
      for (int i = 0; i < sent.size(); i++) {
        key = alerts.get(i).kafkaKey();
        long left = Math.max(1, deadline - System.nanoTime());
        RecordMetadata m = sent.get(i).get(left, TimeUnit.NANOSECONDS);
        if (LOG.isDebugEnabled()) {
          LOG.debug(
              "alert {} {} on {}-{}@{}",
              alerts.get(i).action(),
              key,
              m.topic(),
              m.partition(),
              m.offset());
        }
      }
      sendLatency.record(Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(key, e);
    } catch (ExecutionException e) {
      throw unavailable(key, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw unavailable(key, e);
    }
  }

  static AlertsUnavailableException unavailable(String key, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    LOG.warn("cannot put {} on Kafka: {}", key, root.toString());
    return new AlertsUnavailableException(
        "Kafka did not acknowledge the event in time ("
            + root.getClass().getSimpleName()
            + ": "
            + root.getMessage()
            + "); nothing was stored, retry later",
        cause);
  }
}
