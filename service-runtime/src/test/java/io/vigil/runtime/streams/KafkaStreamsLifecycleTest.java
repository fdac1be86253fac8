package io.vigil.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class KafkaStreamsLifecycleTest {

  private static final String INSTANCE_ID = "main.consumer.group.instance.id";

  private static Properties properties(StreamsSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    return KafkaStreamsLifecycle.properties(
        new StreamsTopology("vigil-test", builder.build()),
        settings,
        "127.0.0.1:9092",
        "http://127.0.0.1:8085");
  }

  @Test
  void runsExactlyOnceWithTheSessionTimeoutOfTheSettings() {
    StreamsSettings settings = new StreamsSettings();
    settings.setSessionTimeoutMs(6_000);
    Properties p = properties(settings);

    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get("consumer.session.timeout.ms")).isEqualTo(6_000);
    assertThat(p.get("consumer.heartbeat.interval.ms")).isEqualTo(2_000);
  }

  @Test
  void aStableInstanceIdMakesTheMainConsumerAStaticMember() {
    StreamsSettings settings = new StreamsSettings();
    settings.setInstanceId(" classifier-0 ");

    assertThat(properties(settings).get(INSTANCE_ID)).isEqualTo("classifier-0");
  }

  @Test
  void withoutAnInstanceIdMembershipIsDynamic() {
    Properties p = properties(new StreamsSettings());

    assertThat(p).doesNotContainKey(INSTANCE_ID).doesNotContainKey("group.instance.id");
  }
}
