package io.vigil.runtime.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.runtime.kafka.KafkaClientSettings;
import io.vigil.schemas.registry.SchemaRegistryClient;
import io.vigil.schemas.serde.AvroDeserializer;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@code vigil/v1} document a bean: {@link LiveConfig} starts from {@code VIGIL_CONFIG}
 * (default {@code deploy/local/vigil.yaml}) and then follows {@code vigil.config.v1}, where the
 * ticket store publishes what administrators apply; an invalid start-up document stops the service
 * with every problem listed. {@code vigil.config.follow=false} keeps the file for good.
 */
@Factory
public class VigilConfigFactory {

  private static final Logger LOG = LoggerFactory.getLogger(VigilConfigFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  LiveConfig liveConfig(
      @Value("${vigil.config-file}") String file,
      @Value("${vigil.config.follow:true}") boolean follow,
      @Value("${kafka.enabled:true}") boolean kafkaEnabled,
      @Value("${kafka.bootstrap.servers:localhost:9092}") String bootstrapServers,
      @Value("${vigil.config.initial-wait:10s}") Duration initialWait,
      @Value("${vigil.config.topic:vigil.config.v1}") String topic,
      Environment environment,
      BeanProvider<SchemaRegistryClient> registry,
      MeterRegistry meters) {
    VigilConfig startup = load(file);
    if (!follow || !kafkaEnabled) {
      LOG.info("configuration stays the file's: following {} is off", topic);
      return LiveConfig.fixed(startup);
    }
    Map<String, Object> consumer = new HashMap<>(KafkaClientSettings.from(environment));
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return new FollowedConfig(
            topic, startup, consumer, new AvroDeserializer<>(registry.get()), meters)
        .start(initialWait);
  }

  /**
   * The document in force at start-up. Prefer {@link LiveConfig}: this snapshot does not follow
   * changes.
   */
  @Singleton
  VigilConfig vigilConfig(LiveConfig live) {
    return live.current();
  }

  private static VigilConfig load(String file) {
    VigilConfig config = VigilConfigLoader.load(Path.of(file));
    LOG.info(
        "configuration file {}: {} services, {} users, {} escalation policies",
        file,
        config.services().size(),
        config.users().size(),
        config.escalationPolicies().size());
    return config;
  }
}
