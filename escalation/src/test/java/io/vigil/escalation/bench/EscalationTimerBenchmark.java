package io.vigil.escalation.bench;

import io.vigil.schemas.EscalationEvent;
import io.vigil.schemas.EscalationFired;
import io.vigil.schemas.EscalationReason;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load generator, not a test: how late the escalation service's durable timers fire, and how many
 * steps per second it fires, with {@code bench.incidents} (100,000) level-2 steps pending at once.
 *
 * <p>The service runs as its own JVM on the test-kit broker; every incident's level 1 escalates
 * after {@code bench.escalateAfter} seconds (120), so all steps are loaded before the first is due
 * and come due spread over the time the service took to take them in. For each {@code TIMEOUT} page
 * it records fire time ({@code occurredAt}) minus due time (level 1's {@code nextStepDueAt}), and
 * when a read-committed consumer saw it; finally the service's own lateness histogram from
 * /prometheus. Its name matches neither surefire's nor failsafe's patterns, so {@code verify} never
 * runs it; run it with the command in docs/benchmarks.md.
 */
@WithKafkaStack
class EscalationTimerBenchmark {

  private final int incidents = Integer.getInteger("bench.incidents", 100_000);
  private final int escalateAfter = Integer.getInteger("bench.escalateAfter", 120);

  @Test
  void run(KafkaStack stack, @TempDir Path dir) throws Exception {
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, BenchKit.config(escalateAfter));
    String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    int port = Ports.free();
    try (ServiceProcess service =
            ServiceProcess.forModule("escalation")
                .name("escalation-timer-benchmark")
                .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
                .env("VIGIL_CONFIG", config.toString())
                .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
                .env("PORT", String.valueOf(port))
                .start()
                .awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"));
        KafkaConsumer<String, byte[]> consumer = BenchKit.escalationsConsumer(stack)) {
      Deserializer<EscalationEvent> values = stack.serde(Topics.ESCALATIONS).deserializer();
      Instant loadStart = Instant.now();
      BenchKit.send(stack, incidents, i -> BenchKit.opened(run + i));
      Instant sent = Instant.now();

      Map<String, Long> due = new HashMap<>(incidents * 2);
      long[] fired = new long[incidents];
      long[] seen = new long[incidents];
      int level2 = 0;
      long lastLevel1Seen = 0;
      long firstFire = Long.MAX_VALUE;
      long lastFire = 0;
      long deadline = System.currentTimeMillis() + (escalateAfter + 600) * 1000L;
      while (level2 < incidents && System.currentTimeMillis() < deadline) {
        var records = consumer.poll(Duration.ofMillis(50));
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> r : records) {
          EscalationEvent e = values.deserialize(r.topic(), r.value());
          if (!e.getIncidentId().startsWith(run) || !(e.getEvent() instanceof EscalationFired f)) {
            continue;
          }
          if (f.getLevel() == 1) {
            due.put(e.getIncidentId(), f.getNextStepDueAt().toEpochMilli());
            lastLevel1Seen = now;
          } else if (f.getLevel() == 2 && f.getReason() == EscalationReason.TIMEOUT) {
            long dueAt = due.get(e.getIncidentId());
            long at = e.getOccurredAt().toEpochMilli();
            fired[level2] = at - dueAt;
            seen[level2] = now - dueAt;
            firstFire = Math.min(firstFire, at);
            lastFire = Math.max(lastFire, at);
            level2++;
          }
        }
      }
      long firstDue = due.values().stream().mapToLong(Long::longValue).min().orElse(0);
      long lastDue = due.values().stream().mapToLong(Long::longValue).max().orElse(0);
      System.out.printf(
          Locale.ROOT,
          "%nescalation timer benchmark: %d incidents, escalateAfter %d s, %d cores%n"
              + "loaded: sent in %.1f s; level 1 paged for all by %.1f s (%.0f incidents/s);"
              + " all pending at once: %s%n"
              + "due spread %.1f s; fired %d level-2 steps in %.1f s (%.0f steps/s)%n",
          incidents,
          escalateAfter,
          Runtime.getRuntime().availableProcessors(),
          Duration.between(loadStart, sent).toMillis() / 1e3,
          (lastLevel1Seen - loadStart.toEpochMilli()) / 1e3,
          due.size() / ((lastLevel1Seen - loadStart.toEpochMilli()) / 1e3),
          lastLevel1Seen < firstDue,
          (lastDue - firstDue) / 1e3,
          level2,
          (lastFire - firstFire) / 1e3,
          level2 / Math.max(0.001, (lastFire - firstFire) / 1e3));
      BenchKit.report("fire time (occurredAt) - due", Arrays.copyOf(fired, level2));
      BenchKit.report("seen by read_committed consumer - due", Arrays.copyOf(seen, level2));
      System.out.println("service's /prometheus:");
      System.out.println(
          BenchKit.prometheus(
              port,
              l -> l.startsWith("vigil_escalation_timer_lateness") && !l.contains("_bucket")));
      if (level2 < incidents) {
        throw new AssertionError("only " + level2 + " of " + incidents + " level-2 steps fired");
      }
    }
  }
}
