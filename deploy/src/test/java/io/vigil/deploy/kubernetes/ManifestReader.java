package io.vigil.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubernetes manifests strictly: every object must be of a kind Vigil's manifests are meant
 * to use, and every field must exist in that kind's model (fabric8 for Kubernetes and Prometheus
 * Operator kinds, Strimzi's own for Kafka kinds, a field list for CloudNativePG's Cluster, whose
 * model is not on Maven Central).
 */
final class ManifestReader {

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
          Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
          Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

  /** CloudNativePG's Cluster: the fields Vigil uses, checked against the CRD reference by hand. */
  private static final Set<String> CNPG_CLUSTER_FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "metadata.name",
          "metadata.namespace",
          "metadata.labels.*",
          "metadata.annotations.*",
          "spec.instances",
          "spec.imageName",
          "spec.storage.size",
          "spec.storage.storageClass",
          "spec.walStorage.size",
          "spec.walStorage.storageClass",
          "spec.bootstrap.initdb.database",
          "spec.bootstrap.initdb.owner",
          "spec.bootstrap.initdb.secret.name",
          "spec.resources.*",
          "spec.affinity.*",
          "spec.postgresql.parameters.*",
          "spec.monitoring.enablePodMonitor",
          "spec.enableSuperuserAccess");

  private ManifestReader() {}

  /** Every object in the file, each checked; fails naming the file, object and field. */
  static List<Manifest> read(Path file) {
    try {
      return read(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Manifest> read(String yaml, String source) {
    List<Manifest> out = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(yaml)) {
      Iterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class);
      int i = 0;
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        i++;
        if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
          continue;
        }
        Manifest m = new Manifest(source + "#" + i, doc);
        check(m);
        out.add(m);
      }
    } catch (IOException e) {
      throw new AssertionError(source + ": not valid YAML: " + e.getMessage(), e);
    }
    return out;
  }

  private static void check(Manifest m) {
    String type = m.apiVersion() + "/" + m.kind();
    if (type.equals("postgresql.cnpg.io/v1/Cluster")) {
      List<String> unknown = new ArrayList<>();
      fieldsOutside(m.node(), "", CNPG_CLUSTER_FIELDS, unknown);
      if (!unknown.isEmpty()) {
        throw new AssertionError(m + ": fields CloudNativePG's Cluster does not have: " + unknown);
      }
      return;
    }
    Class<?> model = MODELS.get(type);
    if (model == null) {
      throw new AssertionError(
          m + ": kind " + type + " is not one Vigil's manifests use; known: " + MODELS.keySet());
    }
    Object parsed;
    try {
      parsed = YAML.treeToValue(m.node(), model);
    } catch (IOException e) {
      throw new AssertionError(m + ": does not match " + model.getName() + ": " + e, e);
    }
    List<String> unknown = UnknownFields.in(parsed);
    if (!unknown.isEmpty()) {
      throw new AssertionError(
          m + ": fields " + model.getSimpleName() + " does not have: " + unknown);
    }
  }

  private static void fieldsOutside(
      JsonNode node, String path, Set<String> allowed, List<String> unknown) {
    if (!path.isEmpty() && allowed.contains(path + ".*")) {
      return;
    }
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  fieldsOutside(
                      e.getValue(),
                      path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                      allowed,
                      unknown));
    } else if (node.isArray()) {
      node.forEach(item -> fieldsOutside(item, path, allowed, unknown));
    } else if (!allowed.contains(path)) {
      unknown.add(path);
    }
  }
}
