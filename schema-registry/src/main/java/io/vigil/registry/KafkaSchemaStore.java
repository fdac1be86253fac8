package io.vigil.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's state is the compacted topic {@code _schemas}: a change is acknowledged by every
 * in-sync replica ({@code acks=all}, idempotent producer) before it becomes visible, and a new
 * instance rebuilds the state by reading the topic from the beginning to its end.
 *
 * <p>Single writer: the topic is read once, at start; changes written later by another registry
 * instance on the same topic are not seen until a restart. Run one registry per topic.
 */
public final class KafkaSchemaStore implements SchemaStore {

  /** The topic Confluent's registry uses too. */
  public static final String DEFAULT_TOPIC = "_schemas";

  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final InMemorySchemaStore view = new InMemorySchemaStore();

  private KafkaSchemaStore(String topic, KafkaProducer<String, String> producer) {
    this.topic = topic;
    this.producer = producer;
  }

  /** Opens the store on {@code _schemas} of the cluster at {@code bootstrapServers}. */
  public static KafkaSchemaStore open(String bootstrapServers) {
    return open(bootstrapServers, DEFAULT_TOPIC);
  }

  /**
   * Creates {@code topic} if missing (1 partition, compacted), reads it to its end and returns the
   * store holding that state.
   */
  public static KafkaSchemaStore open(String bootstrapServers, String topic) {
    ensureTopic(bootstrapServers, topic);
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            0,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            15_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) WRITE_TIMEOUT.toMillis(),
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000);
    KafkaSchemaStore store =
        new KafkaSchemaStore(
            topic,
            new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer()));
    try {
      store.readToEnd(bootstrapServers);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  @Override
  public List<SchemaVersion> versions(String subject) {
    return view.versions(subject);
  }

  @Override
  public SortedSet<String> subjects() {
    return view.subjects();
  }

  @Override
  public Optional<String> schemaById(int id) {
    return view.schemaById(id);
  }

  @Override
  public OptionalInt idOf(String schema) {
    return view.idOf(schema);
  }

  @Override
  public List<SchemaVersion> versionsWithId(int id) {
    return view.versionsWithId(id);
  }

  @Override
  public int maxId() {
    return view.maxId();
  }

  @Override
  public Optional<Compatibility> compatibility(String subject) {
    return view.compatibility(subject);
  }

  @Override
  public synchronized void put(SchemaVersion version) {
    write(StoreRecords.schemaKey(version), StoreRecords.schemaValue(version));
    view.put(version);
  }

  @Override
  public synchronized void putCompatibility(String subject, Compatibility level) {
    write(StoreRecords.configKey(subject), StoreRecords.configValue(level));
    view.putCompatibility(subject, level);
  }

  @Override
  public synchronized void removeCompatibility(String subject) {
    write(StoreRecords.configKey(subject), null);
    view.removeCompatibility(subject);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private void write(String key, String value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, 0, key, value))
          .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryException.store(
          "Error in the backend datastore: the write to " + topic + " was not acknowledged", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.store("interrupted writing to " + topic, e);
    }
  }

  private void readToEnd(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    TopicPartition partition = new TopicPartition(topic, 0);
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (consumer.position(partition, READ_TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read "
                  + topic
                  + " to its end (offset "
                  + end
                  + ") within "
                  + READ_TIMEOUT);
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          StoreRecords.apply(r.key(), r.value(), view);
        }
      }
    }
  }

  private static void ensureTopic(String bootstrapServers, String topic) {
    NewTopic wanted =
        new NewTopic(topic, Optional.of(1), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(wanted)).all().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create " + topic + " on " + bootstrapServers, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + bootstrapServers + " did not create " + topic + " within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + topic, e);
    }
  }
}
