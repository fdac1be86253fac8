package io.vigil.runtime.kafka;

import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connection settings every Kafka client of a service must share — {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*} and {@code client.dns.lookup} under {@code kafka.*} — so clients
 * built by hand (Kafka Streams, dead letters) log in the way micronaut-kafka's own clients do.
 */
public final class KafkaClientSettings {

  private KafkaClientSettings() {}

  /** The shared connection settings found under {@code kafka.*} in {@code environment}. */
  public static Map<String, Object> from(Environment environment) {
    Map<String, Object> all = environment.getProperties("kafka", StringConvention.RAW);
    return select(all);
  }

  /** The shared connection settings among {@code properties} (keys without the prefix). */
  public static Map<String, Object> select(Map<String, Object> properties) {
    Map<String, Object> selected = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          if (value != null
              && (key.equals("security.protocol")
                  || key.startsWith("sasl.")
                  || key.startsWith("ssl.")
                  || key.equals("client.dns.lookup"))) {
            selected.put(key, value);
          }
        });
    return selected;
  }
}
