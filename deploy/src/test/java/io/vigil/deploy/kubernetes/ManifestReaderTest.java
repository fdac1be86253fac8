package io.vigil.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every manifest file parses against its kind's model, and the reader really is strict. */
class ManifestReaderTest {

  private static final Path KUBERNETES = ServiceCode.repo().resolve("deploy/kubernetes");

  @Test
  void everyManifestFileMatchesItsKindsModel() {
    List<Path> files = Manifests.manifestFiles(KUBERNETES);
    assertThat(files).hasSizeGreaterThan(15);
    for (Path file : files) {
      assertThat(ManifestReader.read(file)).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void aMisspelledKubernetesFieldFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: x }
        spec:
          template:
            spec:
              containers:
                - name: x
                  readinesProbe: { httpGet: { path: /health/readiness, port: http } }
        """;
    assertThatThrownBy(() -> ManifestReader.read(yaml, "typo"))
        .hasMessageContaining("readinesProbe")
        .hasMessageContaining("Deployment/x");
  }

  @Test
  void aMisspelledStrimziFieldFails() {
    String yaml =
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaTopic
        metadata: { name: t, labels: { strimzi.io/cluster: vigil } }
        spec: { partitions: 3, replica: 3 }
        """;
    assertThatThrownBy(() -> ManifestReader.read(yaml, "typo")).hasMessageContaining("replica");
  }

  @Test
  void aMisspelledCloudNativePgFieldFails() {
    String yaml =
        """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: { name: db }
        spec: { instance: 3 }
        """;
    assertThatThrownBy(() -> ManifestReader.read(yaml, "typo"))
        .hasMessageContaining("spec.instance");
  }

  @Test
  void anUnknownKindOrVersionFails() {
    String yaml =
        """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaTopic
        metadata: { name: t }
        """;
    assertThatThrownBy(() -> ManifestReader.read(yaml, "old"))
        .hasMessageContaining("kafka.strimzi.io/v1beta2/KafkaTopic is not one");
  }
}
