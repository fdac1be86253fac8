package io.vigil.ingest.publish;

import io.micronaut.context.annotation.Value;
import io.vigil.ingest.alert.AlertSink;
import io.vigil.ingest.change.Change;
import io.vigil.ingest.change.ChangeEvents;
import io.vigil.ingest.change.ChangeSink;
import io.vigil.schemas.topic.Topics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts accepted changes on {@code vigil.changes.v1} keyed by service id and returns only once Kafka
 * acknowledged them, or fails within {@code vigil.ingest.publish-timeout}.
 */
@Singleton
public class KafkaChangeSink implements ChangeSink {

  private final ChangeProducer producer;
  private final Duration timeout;

  public KafkaChangeSink(
      ChangeProducer producer, @Value("${vigil.ingest.publish-timeout:9s}") Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  @Override
  public void publish(Change change) throws AlertSink.AlertsUnavailableException {
    String key = change.serviceId();
    try {
      producer
          .send(Topics.CHANGES.name(), key, ChangeEvents.toAvro(change))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw KafkaAlertSink.unavailable("change of " + key, e);
    } catch (ExecutionException e) {
      throw KafkaAlertSink.unavailable("change of " + key, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw KafkaAlertSink.unavailable("change of " + key, e);
    }
  }
}
