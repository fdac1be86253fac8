package io.vigil.escalation.bench;

import io.vigil.schemas.EscalationCancelled;
import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
import io.vigil.schemas.IncidentEvent;
import io.vigil.schemas.IncidentSnoozed;
import io.vigil.schemas.topic.Topics;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load generator, not a test: {@code bench.incidents} (20,000) incidents snoozed until the same
 * instant, so all their steps come due at once (a mass snooze ending). It reports how late each
 * {@code SNOOZE_ENDED} page fired after that instant ({@code occurredAt − dueAt}) and when a
 * read-committed consumer saw it, how long the burst took to drain, that each incident was paged
 * exactly once, and the service's own lateness and punctuation-latency meters. Run it with the
 * command in docs/benchmarks.md; {@code verify} never does.
 */
@WithKafkaStack
class TimerBurstBenchmark {

  private final int incidents = Integer.getInteger("bench.incidents", 20_000);
  private final int snoozeFor = Integer.getInteger("bench.snoozeFor", 60);

  @Test
  void run(KafkaStack stack, @TempDir Path dir) throws Exception {
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, BenchKit.config(3600));
    String run = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    int port = Ports.free();
    try (ServiceProcess service =
            ServiceProcess.forModule("escalation")
                .name("escalation-burst-benchmark")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", config.toString())
                .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
                .env("PORT", String.valueOf(port))
                .start()
                .awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"));
        KafkaConsumer<String, byte[]> consumer = BenchKit.escalationsConsumer(stack)) {
      Deserializer<EscalationEvent> values = stack.serde(Topics.ESCALATIONS).deserializer();
      BenchKit.send(stack, incidents, i -> BenchKit.opened(run + i));
      await(consumer, values, run, e -> e.getEvent() instanceof EscalationFired, "level 1");

      Instant until = Instant.now().plusSeconds(snoozeFor).truncatedTo(ChronoUnit.SECONDS);
      BenchKit.send(stack, incidents, i -> snoozed(run + i, until));
      long snoozedBy =
          await(consumer, values, run, e -> e.getEvent() instanceof EscalationCancelled, "snoozes");
      if (snoozedBy >= until.toEpochMilli()) {
        throw new AssertionError("the snoozes were not all in before " + until);
      }

      long due = until.toEpochMilli();
      long[] fired = new long[incidents];
      long[] seen = new long[incidents];
      Set<String> paged = new HashSet<>();
      int count = 0;
      int duplicates = 0;
      long lastFire = 0;
      long deadline = due + 600_000;
      while (count < incidents && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          EscalationEvent e = values.deserialize(r.topic(), r.value());
          if (e.getIncidentId().startsWith(run)
              && e.getEvent() instanceof EscalationFired f
              && f.getReason() == EscalationReason.SNOOZE_ENDED) {
            if (!paged.add(e.getIncidentId())) {
              duplicates++;
              continue;
            }
            fired[count] = e.getOccurredAt().toEpochMilli() - f.getDueAt().toEpochMilli();
            seen[count] = System.currentTimeMillis() - due;
            lastFire = Math.max(lastFire, e.getOccurredAt().toEpochMilli());
            count++;
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%ntimer burst benchmark: %d incidents snoozed until %s, %d cores%n"
              + "paged once: %d, twice: %d; burst drained in %d ms (%.0f steps/s)%n",
          incidents,
          until,
          Runtime.getRuntime().availableProcessors(),
          count,
          duplicates,
          lastFire - due,
          count / Math.max(0.001, (lastFire - due) / 1e3));
      BenchKit.report("fire time (occurredAt) - due", Arrays.copyOf(fired, count));
      BenchKit.report("seen by read_committed consumer - due", Arrays.copyOf(seen, count));
      System.out.println("service's /prometheus:");
      System.out.println(
          BenchKit.prometheus(
              port,
              l ->
                  (l.startsWith("vigil_escalation_timer_lateness") && l.contains("SNOOZE_END"))
                          && !l.contains("_bucket")
                      || (l.contains("punctuate_latency") && !l.startsWith("#"))));
      if (count < incidents || duplicates > 0) {
        throw new AssertionError(count + " of " + incidents + " paged, " + duplicates + " twice");
      }
    }
  }

  /** Reads until every incident of the run published an event {@code match} accepts. */
  private long await(
      KafkaConsumer<String, byte[]> consumer,
      Deserializer<EscalationEvent> values,
      String run,
      Predicate<EscalationEvent> match,
      String what) {
    Set<String> seen = new HashSet<>();
    long deadline = System.currentTimeMillis() + 600_000;
    while (seen.size() < incidents && System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
        EscalationEvent e = values.deserialize(r.topic(), r.value());
        if (e.getIncidentId().startsWith(run) && match.test(e)) {
          seen.add(e.getIncidentId());
        }
      }
    }
    if (seen.size() < incidents) {
      throw new AssertionError("only " + seen.size() + " of " + incidents + " " + what);
    }
    System.out.printf("%s of %d incidents in by %s%n", what, incidents, Instant.now());
    return System.currentTimeMillis();
  }

  private static IncidentEvent snoozed(String incidentId, Instant until) {
    return IncidentEvent.newBuilder()
        .setEventId(incidentId + "/snoozed")
        .setIncidentId(incidentId)
        .setServiceId("bench")
        .setOccurredAt(Instant.now())
        .setEvent(IncidentSnoozed.newBuilder().setActor("noc").setUntil(until).build())
        .build();
  }
}
