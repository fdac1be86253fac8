package io.vigil.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' Kafka (the {@code apache/kafka} image, or {@code -Dvigil.kafka.image}) serves
 * where a Docker engine exists; selected with {@code -Dvigil.kafka=testcontainers}.
 */
final class ContainerBroker implements KafkaBroker {

  /** The image unless {@code -Dvigil.kafka.image} names another. */
  static final String DEFAULT_IMAGE = "apache/kafka:3.9.1";

  private final KafkaContainer container;

  private ContainerBroker(KafkaContainer container) {
    this.container = container;
  }

  static ContainerBroker start() {
    String image = System.getProperty("vigil.kafka.image", DEFAULT_IMAGE);
    KafkaContainer container =
        new KafkaContainer(DockerImageName.parse(image))
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "-Dvigil.kafka=testcontainers needs a Docker engine; without one, drop the property to"
              + " use the in-process broker",
          e);
    }
    return new ContainerBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }
}
