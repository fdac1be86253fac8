package io.vigil.testkit;

import io.vigil.localkafka.TopicProvisioner;
import io.vigil.schemas.registry.HttpSchemaRegistryClient;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.serde.AvroSerdeConfig;
import io.vigil.schemas.serde.AvroSerializer;
import io.vigil.schemas.topic.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What an integration test talks to: one real Kafka broker and one Confluent-compatible registry
 * shared by the whole test JVM, with every catalogue topic provisioned; Avro values go through the
 * same serde the services use, and a send returns only once the broker acknowledged it.
 *
 * <p>Tests share the broker, so each should use its own keys, groups ({@link #uniqueGroupId}) or
 * topics ({@link #createTopic}) rather than expect a topic to be empty.
 */
public final class KafkaStack {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  static {
    // Avro 1.12 refuses to instantiate generated classes it was not told to trust, and a builder
    // filling in a record-typed default (e.g. AlertEvent.links) needs that before any serde ran.
    // Initialising the serializer adds Vigil's schema package to the trust list.
    try {
      Class.forName(AvroSerializer.class.getName(), true, KafkaStack.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final SchemaRegistryClient registryClient;
  private final KafkaProducer<String, byte[]> producer;

  KafkaStack(String bootstrapServers, String schemaRegistryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.registryClient = new HttpSchemaRegistryClient(schemaRegistryUrl);
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** {@code host:port} of the broker. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Base URL of the registry, e.g. {@code http://127.0.0.1:41234}. */
  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  /** Vigil's registry client, pointed at the stack's registry. */
  public SchemaRegistryClient registryClient() {
    return registryClient;
  }

  /**
   * {@code bootstrap.servers} and {@code schema.registry.url}: the base of any client or service
   * configuration aimed at this stack.
   */
  public Map<String, Object> clientConfig() {
    return Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
  }

  /** The Avro value serde of {@code topic}, on the stack's registry. */
  public <V extends SpecificRecord> AvroSerde<V> serde(Topic<V> topic) {
    return AvroSerde.forValues(topic, registryClient);
  }

  /**
   * Sends one Avro value (registering its schema if needed) and waits for the broker's ack.
   *
   * @return where the record was written
   */
  public <V extends SpecificRecord> RecordMetadata send(Topic<V> topic, String key, V value) {
    byte[] bytes = serde(topic).serializer().serialize(topic.name(), value);
    try {
      return producer
          .send(new ProducerRecord<>(topic.name(), key, bytes))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(
          "the broker did not acknowledge " + key + " on " + topic + " within " + SEND_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted sending to " + topic, e);
    }
  }

  /**
   * A reader of {@code topic} from its beginning, to await records on; close it (try-with-
   * resources) when done.
   */
  public <V extends SpecificRecord> AvroTopicReader<V> reader(Topic<V> topic) {
    return new AvroTopicReader<>(topic.name(), bootstrapServers, serde(topic).deserializer());
  }

  /** Creates a plain topic with 3 partitions unless it exists. */
  public void createTopic(String name) {
    createTopic(name, TopicProvisioner.PARTITIONS, false);
  }

  /** Creates a topic unless it exists; {@code compacted} sets {@code cleanup.policy=compact}. */
  public void createTopic(String name, int partitions, boolean compacted) {
    TopicProvisioner.createTopic(bootstrapServers, name, partitions, compacted);
  }

  /** A consumer group id no other test uses, e.g. {@code classifier-3f2a…}. */
  public static String uniqueGroupId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** A topic name no other test uses, e.g. {@code test.orders-3f2a…}. */
  public static String uniqueTopicName(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
