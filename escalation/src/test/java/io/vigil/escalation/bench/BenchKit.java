package io.vigil.escalation.bench;

import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Priority;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Urgency;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.KafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the escalation benchmarks share: loading incident events, reading pages, printing. */
final class BenchKit {

  private BenchKit() {}

  /** Sends {@code count} incident events, asynchronously and batched, and waits for the acks. */
  static void send(KafkaStack stack, int count, IntFunction<IncidentEvent> event) {
    Serializer<IncidentEvent> serializer = stack.serde(Topics.INCIDENTS).serializer();
    Map<String, Object> config = new HashMap<>(stack.clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        IncidentEvent e = event.apply(i);
        producer.send(
            new ProducerRecord<>(
                Topics.INCIDENTS.name(),
                e.getIncidentId(),
                serializer.serialize(Topics.INCIDENTS.name(), e)));
      }
      producer.flush();
    }
  }

  /** A read-committed consumer of every partition of the escalations topic, from its end. */
  static KafkaConsumer<String, byte[]> escalationsConsumer(KafkaStack stack) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.ESCALATIONS.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  /** Prints min, p50, p99 and max of {@code millis} (sorted in place) and how many are negative. */
  static void report(String what, long[] millis) {
    Arrays.sort(millis);
    if (millis.length == 0) {
      System.out.println(what + ": nothing fired");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-40s min %d ms  p50 %d ms  p99 %d ms  max %d ms  (early: %d)%n",
        what,
        millis[0],
        millis[(int) Math.max(0, Math.ceil(millis.length * 0.50) - 1)],
        millis[(int) Math.max(0, Math.ceil(millis.length * 0.99) - 1)],
        millis[millis.length - 1],
        Arrays.stream(millis).filter(m -> m < 0).count());
  }

  /** The lines of the service's /prometheus that {@code keep} accepts. */
  static String prometheus(int port, Predicate<String> keep) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body().lines().filter(keep).collect(Collectors.joining("\n"));
  }

  /** A P1, high-urgency opening of {@code incidentId} on the benchmark's service and policy. */
  static IncidentEvent opened(String incidentId) {
    Instant now = Instant.now();
    return IncidentEvent.newBuilder()
        .setEventId(incidentId + "/opened")
        .setIncidentId(incidentId)
        .setServiceId("bench")
        .setOccurredAt(now)
        .setEvent(
            IncidentOpened.newBuilder()
                .setDedupKey(incidentId)
                .setTitle("timer benchmark")
                .setSeverity(Severity.CRITICAL)
                .setPriority(Priority.P1)
                .setIncidentClass(IncidentClass.CRITICAL)
                .setUrgency(Urgency.HIGH)
                .setEscalationPolicyId("bench")
                .setAlertEventId("a")
                .setFirstSeen(now)
                .build())
        .build();
  }

  /** The benchmark's configuration: level 1 alice, after {@code escalateAfter} seconds bob. */
  static String config(int escalateAfter) {
    return """
        apiVersion: vigil/v1
        users: [ { id: alice }, { id: bob } ]
        escalationPolicies:
          - id: bench
            repeat: 0
            levels:
              - { targets: [ { user: alice } ], escalateAfter: %ds }
              - { targets: [ { user: bob } ] }
        services: [ { id: bench, escalationPolicy: bench } ]
        """
        .formatted(escalateAfter);
  }
}
