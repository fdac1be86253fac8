package io.vigil.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AlertAction;
import io.vigil.schemas.AlertEvent;
import io.vigil.schemas.AlertGrouped;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentOpened;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceFormat;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm of 20,000 alerts over 200 fingerprints in 3 services, each service collapsing past 50
 * distinct alerts per hour: every service gets exactly 50 incidents of their own plus one storm
 * incident, and the counts add up to every alert sent — also when the classifier is killed with
 * {@code kill -9} in the middle of the storm and restarted. Sized to take well under a minute per
 * test on 2 cores.
 */
@WithKafkaStack
class AlertStormIT {

  private static final int ALERTS = 20_000;
  private static final int FINGERPRINTS = 200;
  private static final int SERVICES = 3;
  private static final int DISTINCT_LIMIT = 50;

  @Test
  void aStormYieldsExactlyThePredictedIncidents(KafkaStack stack, @TempDir Path dir)
      throws Exception {
    Storm storm = new Storm(dir);
    try (AvroTopicReader<IncidentEvent> incidents = stack.reader(Topics.INCIDENTS);
        ServiceProcess classifier = storm.start(stack, dir.resolve("state"))) {
      storm.send(stack, 0, ALERTS);
      storm.assertPredicted(incidents);
    }
  }

  @Test
  void killedMidStormAndRestartedItOpensNothingTwiceAndLosesNoCount(
      KafkaStack stack, @TempDir Path dir) throws Exception {
    Storm storm = new Storm(dir);
    Path state = dir.resolve("state");
    try (AvroTopicReader<IncidentEvent> incidents = stack.reader(Topics.INCIDENTS)) {
      try (ServiceProcess first = storm.start(stack, state)) {
        storm.send(stack, 0, ALERTS / 2);
        incidents.await(
            "the first incidents of the storm",
            records -> storm.mine(records).size() >= 100,
            Duration.ofSeconds(60));
        first.kill();
      }
      try (ServiceProcess second = storm.start(stack, state)) {
        storm.send(stack, ALERTS / 2, ALERTS);
        storm.assertPredicted(incidents);
      }
    }
  }

  /** One run's services (unique names), their configuration and the alerts sent to them. */
  private static final class Storm {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Path config;
    final Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);
    final Map<String, Integer> sentPerService = new HashMap<>();

    Storm(Path dir) throws Exception {
      StringBuilder yaml =
          new StringBuilder(
              """
              apiVersion: vigil/v1
              users:
                - id: alice
                  contactMethods: [ { id: alice-hook, type: webhook, url: "http://127.0.0.1:9/a" } ]
              escalationPolicies:
                - { id: ops, repeat: 0, levels: [ { targets: [ { user: alice } ] } ] }
              services:
              """);
      for (int s = 0; s < SERVICES; s++) {
        yaml.append("  - { id: ")
            .append(service(s))
            .append(", escalationPolicy: ops, grouping: { storm: { distinctAlerts: ")
            .append(DISTINCT_LIMIT)
            .append(", within: 1h } } }\n");
      }
      yaml.append("classification:\n  - { when: {}, priority: P3, class: major, urgency: high }\n");
      config = Files.writeString(dir.resolve("vigil.yaml"), yaml);
    }

    String service(int s) {
      return "storm-" + run + "-" + s;
    }

    ServiceProcess start(KafkaStack stack, Path state) {
      int port = Ports.free();
      return ServiceProcess.forModule("classifier")
          .name("classifier-storm-" + run)
          .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
          .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
          .env("VIGIL_CONFIG", config.toString())
          .env("VIGIL_STATE_DIR", state.toString())
          .env("PORT", String.valueOf(port))
          .start()
          .awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(90));
    }

    /** Sends alerts {@code from} (inclusive) to {@code to}: alert i is of fingerprint i % 200. */
    void send(KafkaStack stack, int from, int to) throws Exception {
      Serializer<AlertEvent> values = stack.serde(Topics.ALERTS).serializer();
      Map<String, Object> props = new HashMap<>(stack.clientConfig());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
        for (int i = from; i < to; i++) {
          int fingerprint = i % FINGERPRINTS;
          String service = service(fingerprint % SERVICES);
          String dedupKey = "fp-" + fingerprint;
          AlertEvent alert =
              AlertEvent.newBuilder()
                  .setEventId(run + "-" + i)
                  .setAction(AlertAction.TRIGGER)
                  .setServiceId(service)
                  .setDedupKey(dedupKey)
                  .setSourceFormat(SourceFormat.KAFKA)
                  .setSeverity(Severity.ERROR)
                  .setSummary("fingerprint " + fingerprint)
                  .setOccurredAt(at)
                  .setReceivedAt(at)
                  .build();
          producer.send(
              new ProducerRecord<>(
                  Topics.ALERTS.name(),
                  Topics.alertKey(service, dedupKey),
                  values.serialize(Topics.ALERTS.name(), alert)));
          sentPerService.merge(service, 1, Integer::sum);
        }
        producer.flush();
      }
    }

    List<IncidentEvent> mine(List<ConsumerRecord<String, IncidentEvent>> records) {
      return records.stream()
          .map(ConsumerRecord::value)
          .filter(e -> e.getServiceId().startsWith("storm-" + run + "-"))
          .toList();
    }

    /** Each incident's alert count: 1 when opened, then its latest AlertGrouped count. */
    static Map<String, Long> counts(List<IncidentEvent> events) {
      Map<String, Long> counts = new HashMap<>();
      for (IncidentEvent e : events) {
        if (e.getEvent() instanceof IncidentOpened) {
          counts.putIfAbsent(e.getIncidentId(), 1L);
        } else if (e.getEvent() instanceof AlertGrouped g) {
          counts.merge(e.getIncidentId(), g.getAlertCount(), Math::max);
        }
      }
      return counts;
    }

    void assertPredicted(AvroTopicReader<IncidentEvent> reader) {
      List<IncidentEvent> events =
          mine(
              reader.await(
                  "all " + ALERTS + " alerts counted",
                  records ->
                      counts(mine(records)).values().stream().mapToLong(Long::longValue).sum()
                          >= ALERTS,
                  Duration.ofSeconds(180)));
      Map<String, Long> opened =
          events.stream()
              .filter(e -> e.getEvent() instanceof IncidentOpened)
              .collect(Collectors.groupingBy(IncidentEvent::getIncidentId, Collectors.counting()));
      assertThat(opened.values()).as("no incident opened twice").allMatch(n -> n == 1);
      assertThat(events.stream().map(IncidentEvent::getEventId).distinct().count())
          .as("no event published twice")
          .isEqualTo(events.size());
      Map<String, Long> counts = counts(events);
      for (int s = 0; s < SERVICES; s++) {
        String service = service(s);
        List<IncidentEvent> ofService =
            events.stream().filter(e -> e.getServiceId().equals(service)).toList();
        long incidents =
            ofService.stream().filter(e -> e.getEvent() instanceof IncidentOpened).count();
        long storms =
            ofService.stream()
                .filter(
                    e ->
                        e.getEvent() instanceof IncidentOpened o
                            && o.getDedupKey().startsWith("storm/"))
                .count();
        long alerts =
            ofService.stream()
                .map(IncidentEvent::getIncidentId)
                .distinct()
                .mapToLong(counts::get)
                .sum();
        assertThat(incidents).as(service + " incidents").isEqualTo(DISTINCT_LIMIT + 1);
        assertThat(storms).as(service + " storm incidents").isEqualTo(1);
        assertThat(alerts)
            .as(service + " alerts counted")
            .isEqualTo((long) sentPerService.get(service));
      }
    }
  }
}
