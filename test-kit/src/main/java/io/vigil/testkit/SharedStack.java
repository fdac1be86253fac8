package io.vigil.testkit;

import io.vigil.localkafka.TopicProvisioner;
import io.vigil.registry.KafkaSchemaStore;
import io.vigil.registry.SchemaRegistryServer;
import io.vigil.schemas.topic.Topics;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's one broker and one registry, started together and closed in reverse: clients
 * first, then the registry, then the broker, so nothing waits on a broker that is already gone.
 */
final class SharedStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final KafkaBroker broker;
  private final SchemaRegistryServer registry;
  private final KafkaStack stack;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SharedStack(KafkaBroker broker, SchemaRegistryServer registry, KafkaStack stack) {
    this.broker = broker;
    this.registry = registry;
    this.stack = stack;
  }

  /** Starts the broker, provisions {@code Topics.ALL}, then starts the registry on the broker. */
  static SharedStack start() {
    KafkaBroker broker = KafkaBroker.start();
    SchemaRegistryServer registry = null;
    try {
      TopicProvisioner.createTopics(broker.bootstrapServers(), Topics.ALL);
      registry = SchemaRegistryServer.start(0, KafkaSchemaStore.open(broker.bootstrapServers()));
      return new SharedStack(
          broker, registry, new KafkaStack(broker.bootstrapServers(), registry.url()));
    } catch (RuntimeException e) {
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  KafkaStack stack() {
    return stack;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stack.close();
      registry.close();
    } finally {
      broker.close();
    }
  }
}
