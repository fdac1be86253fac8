package io.vigil.runtime.config;

import io.vigil.config.ConfigEntry;
import io.vigil.schemas.ConfigEntity;
import io.vigil.schemas.ConfigKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a new configuration as the difference to the one in force: changed and new entries, and
 * a removal record (no document) for each entry that is gone, all under one new revision in one
 * Kafka transaction on partition 0, so followers see the whole change or none of it.
 */
public final class ConfigPublisher {

  /** The single partition every configuration record goes to; see the class comment. */
  public static final int PARTITION = 0;

  private final String topic;
  private final Map<String, Object> producerConfig;
  private final Serializer<ConfigEntity> values;

  /** What one publication changed. */
  public record Published(long revision, List<String> changed, List<String> removed) {
    public boolean nothingChanged() {
      return changed.isEmpty() && removed.isEmpty();
    }
  }

  /** Another writer took over the transactional id while this change was being written. */
  public static final class ConcurrentChangeException extends RuntimeException {
    ConcurrentChangeException(Throwable cause) {
      super("another configuration change was written at the same time; read it and retry", cause);
    }
  }

  /**
   * Writes to {@code topic} with {@code producerConfig} (bootstrap servers, security settings and a
   * {@code transactional.id} shared by every instance of the writing service).
   */
  public ConfigPublisher(
      String topic, Map<String, Object> producerConfig, Serializer<ConfigEntity> values) {
    if (!producerConfig.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      throw new IllegalArgumentException("the configuration is written in transactions only");
    }
    this.topic = topic;
    this.producerConfig = producerConfig;
    this.values = values;
  }

  /** Publishes {@code wanted} over {@code current} (at {@code currentRevision}). */
  public synchronized Published publish(
      List<ConfigEntry> wanted,
      Map<String, ConfigEntry> current,
      long currentRevision,
      Instant now) {
    Map<String, ConfigEntry> next = new LinkedHashMap<>();
    wanted.forEach(e -> next.put(e.key(), e));
    List<ConfigEntry> changed = new ArrayList<>();
    for (ConfigEntry entry : next.values()) {
      ConfigEntry before = current.get(entry.key());
      if (before == null || !before.json().equals(entry.json())) {
        changed.add(entry);
      }
    }
    List<String> removed =
        current.keySet().stream().filter(k -> !next.containsKey(k)).sorted().toList();
    long revision = currentRevision + 1;
    if (changed.isEmpty() && removed.isEmpty()) {
      return new Published(currentRevision, List.of(), List.of());
    }
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, ConfigEntity> producer =
        new KafkaProducer<>(config, new StringSerializer(), values)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (ConfigEntry entry : changed) {
        producer.send(
            record(entry.key(), entity(entry.kind(), entry.id(), entry.json(), revision, now)));
      }
      for (String key : removed) {
        ConfigEntry gone = current.get(key);
        producer.send(record(key, entity(gone.kind(), gone.id(), null, revision, now)));
      }
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw new ConcurrentChangeException(e);
    } catch (KafkaException e) {
      throw new IllegalStateException("could not publish the configuration to " + topic, e);
    }
    return new Published(revision, changed.stream().map(ConfigEntry::key).toList(), removed);
  }

  private ProducerRecord<String, ConfigEntity> record(String key, ConfigEntity value) {
    return new ProducerRecord<>(topic, PARTITION, key, value);
  }

  private static ConfigEntity entity(
      ConfigEntry.Kind kind, String id, String json, long revision, Instant now) {
    return ConfigEntity.newBuilder()
        .setKind(ConfigKind.valueOf(kind.name()))
        .setId(id)
        .setDocumentJson(json)
        .setRevision(revision)
        .setUpdatedAt(now)
        .build();
  }
}
