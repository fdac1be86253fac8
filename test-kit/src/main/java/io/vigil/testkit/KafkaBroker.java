package io.vigil.testkit;

import io.vigil.localkafka.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The test JVM's broker is the in-process {@link LocalKafka} in a temporary directory, unless
 * {@code -Dvigil.kafka=testcontainers} asks for Testcontainers' Kafka (which needs Docker).
 */
interface KafkaBroker extends AutoCloseable {

  /** The system property that selects the broker: {@code local} (default) or testcontainers. */
  String SELECTOR = "vigil.kafka";

  String bootstrapServers();

  @Override
  void close();

  /** Starts the broker the system property selects. */
  static KafkaBroker start() {
    String kind = System.getProperty(SELECTOR, "local");
    return switch (kind) {
      case "local" -> InProcess.start();
      // Loaded only here, so the default path never loads a Testcontainers class.
      case "testcontainers" -> ContainerBroker.start();
      default ->
          throw new IllegalArgumentException(
              "-D" + SELECTOR + "=" + kind + " is not known; use local or testcontainers");
    };
  }

  /** {@link LocalKafka} in a temporary directory that is deleted when the broker closes. */
  final class InProcess implements KafkaBroker {

    private final LocalKafka kafka;
    private final Path dir;

    private InProcess(LocalKafka kafka, Path dir) {
      this.kafka = kafka;
      this.dir = dir;
    }

    static InProcess start() {
      Path dir;
      try {
        dir = Files.createTempDirectory("vigil-kafka-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the test broker", e);
      }
      return new InProcess(LocalKafka.start(dir, 0), dir);
    }

    @Override
    public String bootstrapServers() {
      return kafka.bootstrapServers();
    }

    @Override
    public void close() {
      kafka.close();
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A leftover temporary directory is not worth failing the test run for.
      }
    }
  }
}
