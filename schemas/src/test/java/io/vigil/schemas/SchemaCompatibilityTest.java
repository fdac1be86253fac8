package io.vigil.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Guards schema evolution: every released version of a topic's value schema is kept under {@code
 * schemas/history/<topic>/vN.avsc}; the current schema must be the newest of them, and each version
 * must be able to read data written with every earlier one (Confluent's BACKWARD_TRANSITIVE).
 */
class SchemaCompatibilityTest {

  private static final Path HISTORY = Path.of("history");

  @TestFactory
  Stream<DynamicTest> everyTopicSchemaReadsAllItsPreviousVersions() {
    return Topics.ALL.stream()
        .map(topic -> DynamicTest.dynamicTest(topic.name(), () -> checkHistory(topic)));
  }

  private static void checkHistory(Topic<?> topic) throws IOException {
    Path dir = HISTORY.resolve(topic.name());
    List<Schema> versions = versions(dir);
    Schema current = topic.valueSchema();
    assertThat(versions)
        .as(
            "%s must hold the released versions of %s: add v1.avsc holding %s",
            dir, topic.name(), hint(topic))
        .isNotEmpty();
    assertThat(versions.get(versions.size() - 1))
        .as(
            "the current schema of %s differs from its newest released version in %s: add"
                + " v%d.avsc holding %s",
            topic.name(), dir, versions.size() + 1, hint(topic))
        .isEqualTo(current);
    for (int reader = 1; reader < versions.size(); reader++) {
      for (int writer = 0; writer < reader; writer++) {
        SchemaCompatibility.SchemaPairCompatibility result =
            SchemaCompatibility.checkReaderWriterCompatibility(
                versions.get(reader), versions.get(writer));
        assertThat(result.getType())
            .as(
                "%s v%d cannot read data written with v%d: %s",
                topic.name(), reader + 1, writer + 1, result.getDescription())
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      }
    }
  }

  private static String hint(Topic<?> topic) {
    return topic.valueType().getSimpleName() + ".getClassSchema().toString(true)";
  }

  private static List<Schema> versions(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(SchemaCompatibilityTest::versionOf))
          .map(SchemaCompatibilityTest::parse)
          .toList();
    }
  }

  private static int versionOf(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
  }

  private static Schema parse(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
