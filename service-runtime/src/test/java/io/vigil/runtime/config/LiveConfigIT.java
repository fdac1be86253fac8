package io.vigil.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.config.ConfigDocument;
import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.schemas.ConfigEntity;
import io.vigil.schemas.ConfigKind;
import io.vigil.schemas.serde.AvroDeserializer;
import io.vigil.schemas.serde.AvroSerializer;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.WithKafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The configuration travels from a publisher to every follower through a real broker. */
@WithKafkaStack
class LiveConfigIT {

  private static final String BASE =
      """
      apiVersion: vigil/v1
      users:
        - { id: alice, name: Alice }
      escalationPolicies:
        - id: p
          levels:
            - { targets: [ { user: alice } ], escalateAfter: 5m }
      classification:
        - { when: {}, priority: P4, class: minor, urgency: low }
      services:
        - { id: payments, name: Payments, escalationPolicy: p }
      """;

  private static final String WITH_SEARCH =
      BASE + "  - { id: search, name: Search, escalationPolicy: p }\n";

  private static final VigilConfig STARTUP = VigilConfigLoader.parse(BASE, "startup");

  private final List<AutoCloseable> open = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private KafkaStack stack;
  private String topic;

  @BeforeEach
  void topic(KafkaStack stack) {
    this.stack = stack;
    this.topic = KafkaStack.uniqueTopicName("vigil.config");
    stack.createTopic(topic, 3, true);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void theStartupFileIsInForceUntilTheTopicHoldsADocument() {
    FollowedConfig config = follower();

    assertThat(config.revision()).isZero();
    assertThat(config.current()).isSameAs(STARTUP);
  }

  @Test
  void aPublishedDocumentReachesARunningFollowerWhole() throws Exception {
    FollowedConfig config = follower();
    // Listeners run on the follower's thread, just after the revision is in force.
    List<VigilConfig> seen = new CopyOnWriteArrayList<>();
    config.onChange(seen::add);

    ConfigPublisher.Published first = publish(WITH_SEARCH, config);

    assertThat(first.revision()).isEqualTo(1);
    assertThat(first.changed())
        .containsExactly(
            "USER/alice",
            "ESCALATION_POLICY/p",
            "SERVICE/payments",
            "SERVICE/search",
            "CLASSIFICATION/all");
    assertThat(config.awaitRevision(1, Duration.ofSeconds(20))).isTrue();
    assertThat(config.current().services())
        .extracting(Service::id)
        .containsExactly("payments", "search");
    await("the change listener").atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
    assertThat(seen.get(0).services())
        .extracting(Service::id)
        .containsExactly("payments", "search");

    ConfigPublisher.Published second = publish(BASE, config);

    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.changed()).isEmpty();
    assertThat(second.removed()).containsExactly("SERVICE/search");
    assertThat(config.awaitRevision(2, Duration.ofSeconds(20))).isTrue();
    assertThat(config.current().services()).extracting(Service::id).containsExactly("payments");
  }

  @Test
  void publishingTheSameDocumentAgainWritesNothing() throws Exception {
    FollowedConfig config = follower();
    publish(WITH_SEARCH, config);
    config.awaitRevision(1, Duration.ofSeconds(20));

    ConfigPublisher.Published again = publish(WITH_SEARCH, config);

    assertThat(again.nothingChanged()).isTrue();
    assertThat(again.revision()).isEqualTo(1);
  }

  @Test
  void aServiceStartingLaterStartsOnThePublishedDocumentNotTheFile() throws Exception {
    FollowedConfig first = follower();
    publish(WITH_SEARCH, first);
    assertThat(first.awaitRevision(1, Duration.ofSeconds(20))).isTrue();

    FollowedConfig later = follower();

    assertThat(later.revision()).isEqualTo(1);
    assertThat(later.current().service("search")).isPresent();
  }

  @Test
  void entriesThatDoNotFormAValidDocumentAreRefusedAndTheCurrentOneStays() throws Exception {
    FollowedConfig config = follower();
    publish(BASE, config);
    config.awaitRevision(1, Duration.ofSeconds(20));

    try (KafkaProducer<String, byte[]> raw = rawProducer()) {
      raw.send(new ProducerRecord<>(topic, 0, "SERVICE/x", new byte[] {1, 2, 3})).get();
      ConfigEntity dangling =
          ConfigEntity.newBuilder()
              .setKind(ConfigKind.SERVICE)
              .setId("orphan")
              .setDocumentJson("{\"id\":\"orphan\",\"name\":\"O\",\"escalationPolicy\":\"none\"}")
              .setRevision(2)
              .setUpdatedAt(Instant.now())
              .build();
      byte[] bytes =
          new AvroSerializer<ConfigEntity>(stack.registryClient(), false)
              .serialize(topic, dangling);
      raw.send(new ProducerRecord<>(topic, 0, "SERVICE/orphan", bytes)).get();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> meters.counter("vigil.config.refused").count() == 1.0);
    assertThat(meters.counter("vigil.config.unreadable").count()).isEqualTo(1.0);
    assertThat(config.revision()).isEqualTo(1);
    assertThat(config.current().service("orphan")).isEmpty();
  }

  @Test
  void aPublisherOutsideTransactionsIsRefused() {
    assertThatThrownBy(
            () ->
                new ConfigPublisher(
                    topic, Map.of(), new AvroSerializer<>(stack.registryClient(), false)))
        .hasMessage("the configuration is written in transactions only");
  }

  private FollowedConfig follower() {
    Map<String, Object> consumer = new HashMap<>(stack.clientConfig());
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    FollowedConfig config =
        new FollowedConfig(
                topic, STARTUP, consumer, new AvroDeserializer<>(stack.registryClient()), meters)
            .start(Duration.ofSeconds(20));
    open.add(config);
    return config;
  }

  private ConfigPublisher publisher() {
    Map<String, Object> producer = new HashMap<>(stack.clientConfig());
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "config-writer-" + topic);
    return new ConfigPublisher(
        topic, producer, new AvroSerializer<>(stack.registryClient(), false));
  }

  private ConfigPublisher.Published publish(String document, FollowedConfig current) {
    FollowedConfig.Snapshot now = current.snapshot();
    return publisher()
        .publish(
            ConfigDocument.split(document, "test"), now.entries(), now.revision(), Instant.now());
  }

  private KafkaProducer<String, byte[]> rawProducer() {
    Map<String, Object> producer = new HashMap<>(stack.clientConfig());
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    return new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
  }
}
