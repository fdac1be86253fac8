package io.vigil.ingest.publish;

import io.micronaut.context.annotation.Value;
import io.vigil.ingest.alert.Alert;
import io.vigil.ingest.alert.AlertEvents;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.schemas.topic.Topics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts accepted alerts on {@code vigil.alerts.v1} keyed {@code serviceId/dedupKey} and returns only
 * once Kafka acknowledged them, or fails within {@code vigil.ingest.publish-timeout}.
 */
@Singleton
public class KafkaAlertSink implements AlertSink {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertSink.class);

  private final AlertProducer producer;
  private final Duration timeout;

  public KafkaAlertSink(
      AlertProducer producer, @Value("${vigil.ingest.publish-timeout:9s}") Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  @Override
  public void publish(Alert alert) throws AlertsUnavailableException {
    String key = Topics.alertKey(alert.serviceId(), alert.dedupKey());
    try {
      RecordMetadata metadata =
          producer
              .send(Topics.ALERTS.name(), key, AlertEvents.toAvro(alert))
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.debug(
          "alert {} {} on {}-{}@{}",
          alert.action(),
          key,
          metadata.topic(),
          metadata.partition(),
          metadata.offset());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(key, e);
    } catch (ExecutionException e) {
      throw unavailable(key, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw unavailable(key, e);
    }
  }

  private static AlertsUnavailableException unavailable(String key, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    LOG.warn("cannot put alert {} on Kafka: {}", key, root.toString());
    return new AlertsUnavailableException(
        "Kafka did not acknowledge the event in time ("
            + root.getClass().getSimpleName()
            + ": "
            + root.getMessage()
            + "); nothing was stored, retry later",
        cause);
  }
}
