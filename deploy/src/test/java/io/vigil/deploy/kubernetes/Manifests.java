package io.vigil.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests under deploy/kubernetes: every file read strictly, and the objects of the base and
 * the Kafka cluster (what every overlay starts from) for cross-checks.
 */
final class Manifests {

  final Path root;
  final List<Manifest> base;

  Manifests(Path repo) {
    this.root = repo.resolve("deploy/kubernetes");
    List<Manifest> objects = new ArrayList<>();
    for (Path file : manifestFiles(root.resolve("base"))) {
      objects.addAll(ManifestReader.read(file));
    }
    for (Path file : manifestFiles(root.resolve("kafka-cluster"))) {
      objects.addAll(ManifestReader.read(file));
    }
    this.base = List.copyOf(objects);
  }

  /** Every manifest file under {@code dir}: YAML, neither a kustomization nor a config file. */
  static List<Path> manifestFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
          .filter(f -> !f.getParent().getFileName().toString().equals("config"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Manifest> ofKind(String kind) {
    return base.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  Optional<Manifest> find(String kind, String name) {
    return base.stream().filter(m -> m.is(kind, name)).findFirst();
  }

  Manifest get(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
  }

  /** The Deployment or StatefulSet that runs this service. */
  Manifest workload(String service) {
    return find("Deployment", service)
        .or(() -> find("StatefulSet", service))
        .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet for " + service));
  }

  static JsonNode container(Manifest workload) {
    for (JsonNode c : workload.spec().path("template").path("spec").path("containers")) {
      if (c.path("name").asText().equals(workload.name())) {
        return c;
      }
    }
    throw new AssertionError(workload + ": no container named " + workload.name());
  }

  /** The base kustomization, for its ConfigMap generators. */
  JsonNode baseKustomization() {
    try {
      return ManifestReader.YAML.readTree(root.resolve("base/kustomization.yaml").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generator of ConfigMap {@code name} in the base kustomization. */
  JsonNode configMapGenerator(String name) {
    for (JsonNode g : baseKustomization().path("configMapGenerator")) {
      if (g.path("name").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no configMapGenerator " + name + " in base/kustomization.yaml");
  }
}
