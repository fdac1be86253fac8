package io.vigil.runtime.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.config.ConfigDocument;
import io.vigil.config.ConfigEntry;
import io.vigil.config.ConfigException;
import io.vigil.config.VigilConfig;
import io.vigil.schemas.ConfigEntity;
import io.vigil.schemas.ConfigKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration as published on the compacted configuration topic: a thread reads the topic
 * from its start and, each time it has read everything committed, joins the entries into one
 * document; a document that validates replaces the current one, one that does not is refused and
 * the current one stays. Until the topic holds anything, the start-up file is in force.
 */
public final class FollowedConfig implements LiveConfig, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FollowedConfig.class);

  private final String topic;
  private final Map<String, Object> consumerConfig;
  private final Deserializer<ConfigEntity> values;
  private final MeterRegistry meters;
  private final List<Consumer<VigilConfig>> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstRead = new CountDownLatch(1);
  private final Object changed = new Object();
  private final Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean closed;
  private volatile Snapshot snapshot;
  private long newestRevision; // the follower thread's own

  /** The document in force, its revision and the entries it was made of. */
  public record Snapshot(VigilConfig config, long revision, Map<String, ConfigEntry> entries) {}

  /**
   * Follows {@code topic} with a consumer made from {@code consumerConfig} (bootstrap servers and
   * security settings); {@code startup} is in force until the topic holds a document.
   */
  public FollowedConfig(
      String topic,
      VigilConfig startup,
      Map<String, Object> consumerConfig,
      Deserializer<ConfigEntity> values,
      MeterRegistry meters) {
    this.topic = topic;
    this.consumerConfig = consumerConfig;
    this.values = values;
    this.meters = meters;
    this.snapshot = new Snapshot(startup, 0, Map.of());
    meters.gauge("vigil.config.revision", this, c -> c.snapshot.revision());
    this.thread = new Thread(this::follow, "vigil-config-follower");
    this.thread.setDaemon(true);
  }

  /**
   * Starts following and waits up to {@code wait} for the topic to be read to its end, so a service
   * does not start on an older document than the one published.
   */
  public FollowedConfig start(Duration wait) {
    thread.start();
    try {
      if (!firstRead.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "{} not read to its end within {}: starting on the configuration file, will follow"
                + " the topic once it answers",
            topic,
            wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  @Override
  public VigilConfig current() {
    return snapshot.config();
  }

  @Override
  public long revision() {
    return snapshot.revision();
  }

  /** The document in force with the entries it came from (none while the file is in force). */
  public Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public void onChange(Consumer<VigilConfig> listener) {
    listeners.add(listener);
  }

  /** Waits until a document of at least {@code revision} is in force; false on timeout. */
  public boolean awaitRevision(long revision, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (snapshot.revision() < revision) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(changed, left);
      }
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void follow() {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-config-follower");
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      if (closed) {
        return;
      }
      List<TopicPartition> partitions = awaitPartitions(c);
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<String, ConfigEntry> entries = new HashMap<>();
      boolean dirty = false;
      while (!closed) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(250))) {
          dirty |= apply(entries, r);
        }
        boolean caughtUp;
        try {
          caughtUp = caughtUp(c, partitions);
        } catch (TimeoutException e) {
          LOG.debug("end offsets of {} not known yet: {}", topic, e.toString());
          continue; // the broker is away; the next poll retries
        }
        if (caughtUp) {
          if (dirty) {
            install(entries);
            dirty = false;
          }
          firstRead.countDown();
        }
      }
    } catch (WakeupException e) {
      if (!closed) {
        LOG.error("configuration follower woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("configuration follower stopped: the configuration no longer follows {}", topic, e);
      meters.counter("vigil.config.follower.failures").increment();
    }
  }

  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c) {
    boolean told = false;
    while (!closed) {
      List<PartitionInfo> infos;
      try {
        infos = c.partitionsFor(topic, Duration.ofSeconds(5));
      } catch (TimeoutException e) {
        infos = List.of();
      }
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      if (!told) {
        LOG.info(
            "{} cannot be read yet (no topic or no broker): the configuration file stays in force",
            topic);
        firstRead.countDown();
        told = true;
      }
      try {
        Thread.sleep(1_000); // polling for a topic to appear; there is no event to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
    }
    throw new WakeupException();
  }

  private boolean apply(Map<String, ConfigEntry> entries, ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return entries.remove(r.key()) != null;
    }
    ConfigEntity entity;
    try {
      entity = values.deserialize(topic, r.value());
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable {}-{}@{}: {}", topic, r.partition(), r.offset(), e.toString());
      meters.counter("vigil.config.unreadable").increment();
      return false;
    }
    if (entity.getKind() == ConfigKind.UNKNOWN) {
      LOG.warn(
          "skipping {} at {}-{}@{}: a kind this build does not know",
          r.key(),
          topic,
          r.partition(),
          r.offset());
      return false;
    }
    ConfigEntry.Kind kind = ConfigEntry.Kind.valueOf(entity.getKind().name());
    newestRevision = Math.max(newestRevision, entity.getRevision());
    if (entity.getDocumentJson() == null) {
      return entries.remove(kind.name() + "/" + entity.getId()) != null;
    }
    ConfigEntry entry = new ConfigEntry(kind, entity.getId(), entity.getDocumentJson());
    entries.put(entry.key(), entry);
    return true;
  }

  private void install(Map<String, ConfigEntry> entries) {
    long revision = newestRevision;
    if (entries.isEmpty()) {
      LOG.warn(
          "{} holds no entries at revision {}: keeping the current configuration", topic, revision);
      return;
    }
    VigilConfig config;
    try {
      config = ConfigDocument.load(entries.values(), topic);
    } catch (ConfigException e) {
      meters.counter("vigil.config.refused").increment();
      LOG.error("refused configuration revision {} from {}: {}", revision, topic, e.getMessage());
      return;
    }
    synchronized (changed) {
      snapshot = new Snapshot(config, revision, Map.copyOf(entries));
      changed.notifyAll();
    }
    LOG.info(
        "configuration revision {} from {} in force: {} services, {} users, {} escalation"
            + " policies",
        revision,
        topic,
        config.services().size(),
        config.users().size(),
        config.escalationPolicies().size());
    for (Consumer<VigilConfig> listener : listeners) {
      try {
        listener.accept(config);
      } catch (RuntimeException e) {
        LOG.error("a configuration listener failed on revision {}", revision, e);
      }
    }
  }

  private static boolean caughtUp(KafkaConsumer<String, byte[]> c, List<TopicPartition> parts) {
    Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(5));
    return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
  }
}
