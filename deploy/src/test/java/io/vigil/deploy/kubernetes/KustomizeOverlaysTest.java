package io.vigil.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overlays: every file they name exists, and — where kubectl is installed — each renders with
 * {@code kubectl kustomize} into objects that pass the same strict reading, with what the overlay
 * promises (dev: one of everything; prod: replicas, disruption budgets, anti-affinity,
 * autoscaling).
 */
class KustomizeOverlaysTest {

  private static final Path KUBERNETES = ServiceCode.repo().resolve("deploy/kubernetes");
  private static final Set<String> KUSTOMIZATION_FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "namespace",
          "labels",
          "resources",
          "images",
          "replicas",
          "patches",
          "configMapGenerator");

  @ParameterizedTest
  @ValueSource(strings = {"base", "kafka-cluster", "overlays/dev", "overlays/prod"})
  void everyFileAKustomizationNamesExists(String dir) throws IOException {
    Path root = KUBERNETES.resolve(dir);
    JsonNode k = ManifestReader.YAML.readTree(root.resolve("kustomization.yaml").toFile());
    k.fieldNames().forEachRemaining(f -> assertThat(KUSTOMIZATION_FIELDS).as(dir).contains(f));
    for (JsonNode r : k.path("resources")) {
      assertThat(root.resolve(r.asText())).as(dir + " resource").exists();
    }
    for (JsonNode p : k.path("patches")) {
      if (p.has("path")) {
        assertThat(root.resolve(p.path("path").asText())).as(dir + " patch").exists();
      }
    }
    for (JsonNode g : k.path("configMapGenerator")) {
      for (JsonNode f : g.path("files")) {
        assertThat(root.resolve(f.asText())).as(dir + " configMapGenerator file").exists();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theOverlayRendersIntoValidObjects(String overlay) throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not installed: overlays not rendered");
    List<Manifest> objects = ManifestReader.read(render(overlay), "overlays/" + overlay);
    List<Manifest> workloads =
        objects.stream()
            .filter(m -> Set.of("Deployment", "StatefulSet").contains(m.kind()))
            .toList();
    assertThat(workloads).hasSize(6);
    int brokers =
        objects.stream()
            .filter(m -> m.kind().equals("KafkaNodePool"))
            .mapToInt(m -> m.spec().path("replicas").asInt())
            .sum();
    for (Manifest topic : objects.stream().filter(m -> m.kind().equals("KafkaTopic")).toList()) {
      assertThat(topic.spec().path("replicas").asInt())
          .as(topic.toString())
          .isLessThanOrEqualTo(brokers);
      assertThat(topic.spec().path("config").path("min.insync.replicas").asInt())
          .isLessThan(Math.max(2, topic.spec().path("replicas").asInt()) + (brokers == 1 ? 0 : 0));
    }
    if (overlay.equals("dev")) {
      assertThat(brokers).isEqualTo(1);
      workloads.forEach(
          w -> assertThat(w.spec().path("replicas").asInt()).as(w.toString()).isEqualTo(1));
    } else {
      assertThat(brokers).isEqualTo(3);
      for (Manifest w : workloads) {
        assertThat(w.spec().path("replicas").asInt()).as(w.toString()).isGreaterThanOrEqualTo(2);
        assertThat(
                w.spec()
                    .path("template")
                    .path("spec")
                    .path("affinity")
                    .path("podAntiAffinity")
                    .isMissingNode())
            .as(w + " anti-affinity")
            .isFalse();
        assertThat(objects.stream().anyMatch(m -> m.is("PodDisruptionBudget", w.name())))
            .as(w + " PodDisruptionBudget")
            .isTrue();
      }
      Manifest hpa =
          objects.stream()
              .filter(m -> m.kind().equals("HorizontalPodAutoscaler"))
              .findFirst()
              .orElseThrow();
      assertThat(hpa.spec().path("scaleTargetRef").path("name").asText()).isEqualTo("alert-ingest");
    }
  }

  private static boolean kubectlAvailable() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String render(String overlay) throws Exception {
    Path err = Files.createTempFile("kustomize", ".err");
    Process p =
        new ProcessBuilder(
                "kubectl", "kustomize", KUBERNETES.resolve("overlays/" + overlay).toString())
            .redirectError(err.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize: " + Files.readString(err)).isZero();
    Files.deleteIfExists(err);
    return out;
  }
}
