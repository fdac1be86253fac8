package io.vigil.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.config.VigilConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * Each service's workload against the service's code: environment variables it reads, the port and
 * health paths it serves, the image it is built into, the files it loads, and the pod rules a
 * platform team expects (non-root, no privilege escalation, requests and a memory limit).
 */
class ServiceManifestsTest {

  private static final Path REPO = ServiceCode.repo();
  private static final Manifests MANIFESTS = new Manifests(REPO);

  /** Read by the JVM or by Micronaut itself rather than through a placeholder. */
  private static final Set<String> STANDARD_ENV =
      Set.of("MICRONAUT_CONFIG_FILES", "JAVA_TOOL_OPTIONS");

  /** micronaut-kafka's own settings under {@code kafka.}, not passed to the Kafka clients. */
  private static final Set<String> MICRONAUT_KAFKA = Set.of("kafka.health.restricted");

  /** Secrets made by hand, each with its `kubectl create secret` line in deploy/README.md. */
  private static final Map<String, Set<String>> HAND_MADE_SECRETS =
      Map.of(
          "vigil-links",
          Set.of("signing-key"),
          "vigil-admin",
          Set.of("token"),
          "vigil-notifier-channels",
          Set.of(
              "smtp-host",
              "smtp-username",
              "smtp-password",
              "sms-base-url",
              "sms-account-sid",
              "sms-auth-token"));

  @Test
  void everyEnvironmentVariableIsOneTheServiceReads() {
    for (String service : TopicAccess.SERVICES) {
      ServiceCode code = new ServiceCode(REPO, service);
      JsonNode container = Manifests.container(MANIFESTS.workload(service));
      Set<String> readable = new HashSet<>(code.environmentPlaceholders().keySet());
      readable.addAll(STANDARD_ENV);
      for (Path file : configFiles(service, container)) {
        readable.addAll(ServiceCode.placeholders(ServiceCode.read(file)).keySet());
      }
      for (JsonNode env : container.path("env")) {
        assertThat(readable)
            .as("%s sets %s, which %s never reads", service, env.path("name").asText(), service)
            .contains(env.path("name").asText());
      }
    }
  }

  @Test
  void everyPropertyInAMountedConfigFileIsOneTheServiceReads() {
    Set<String> clientConfigs = new HashSet<>(ProducerConfig.configNames());
    clientConfigs.addAll(ConsumerConfig.configNames());
    clientConfigs.addAll(AdminClientConfig.configNames());
    for (String service : TopicAccess.SERVICES) {
      ServiceCode code = new ServiceCode(REPO, service);
      JsonNode container = Manifests.container(MANIFESTS.workload(service));
      for (Path file : configFiles(service, container)) {
        Map<String, String> properties = ServiceCode.flatten(readYaml(file));
        for (String key : properties.keySet()) {
          boolean read =
              key.startsWith("kafka.")
                  ? clientConfigs.contains(key.substring(6)) || MICRONAUT_KAFKA.contains(key)
                  : code.readsProperty(key);
          assertThat(read)
              .as("%s loads %s, which sets %s; nothing reads it", service, file, key)
              .isTrue();
        }
      }
    }
  }

  @Test
  void portsAndProbesAreTheOnesTheServiceServes() {
    for (String service : TopicAccess.SERVICES) {
      ServiceCode code = new ServiceCode(REPO, service);
      Manifest workload = MANIFESTS.workload(service);
      JsonNode container = Manifests.container(workload);
      JsonNode port = container.path("ports").get(0);
      assertThat(port.path("name").asText()).isEqualTo("http");
      assertThat(port.path("containerPort").asInt()).as(service + " port").isEqualTo(code.port());
      assertProbe(service, container.path("livenessProbe"), "/health/liveness");
      assertProbe(service, container.path("startupProbe"), "/health/liveness");
      assertProbe(service, container.path("readinessProbe"), "/health/readiness");
      JsonNode servicePort = MANIFESTS.get("Service", service).spec().path("ports").get(0);
      assertThat(servicePort.path("port").asInt()).isEqualTo(code.port());
      assertThat(servicePort.path("targetPort").asText()).isEqualTo("http");
      Map<String, String> yml = code.flatApplicationYml();
      assertThat(yml).containsEntry("endpoints.health.enabled", "true");
      assertThat(yml).containsEntry("micronaut.metrics.export.prometheus.enabled", "true");
    }
  }

  @Test
  void podsRunAsNonRootWithRequestsAndAMemoryLimit() {
    for (String service : TopicAccess.SERVICES) {
      Manifest workload = MANIFESTS.workload(service);
      JsonNode pod = workload.spec().path("template").path("spec");
      JsonNode container = Manifests.container(workload);
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.path("securityContext").path("runAsUser").asInt()).isPositive();
      JsonNode security = container.path("securityContext");
      assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(security.path("capabilities").path("drop").toString()).contains("ALL");
      assertThat(container.path("resources").path("requests").has("cpu")).isTrue();
      assertThat(container.path("resources").path("limits").has("memory")).as(service).isTrue();
      assertThat(container.path("image").asText())
          .startsWith("registry.example.com/vigil/" + service + ":");
      assertThat(
              Files.exists(REPO.resolve(service + "/src/main/resources/vigil-service.properties")))
          .isTrue();
    }
  }

  @Test
  void kafkaStreamsServicesKeepTheirStateOnAVolume() {
    for (String service : TopicAccess.SERVICES) {
      if (new ServiceCode(REPO, service).applicationIds().isEmpty()) {
        assertThat(MANIFESTS.find("Deployment", service)).as(service).isPresent();
        continue;
      }
      Manifest workload = MANIFESTS.get("StatefulSet", service);
      JsonNode container = Manifests.container(workload);
      String stateDir = env(container, "VIGIL_STATE_DIR");
      assertThat(container.path("volumeMounts").toString())
          .contains("\"mountPath\":\"" + stateDir + "\"");
      assertThat(
              workload
                  .spec()
                  .path("volumeClaimTemplates")
                  .get(0)
                  .path("metadata")
                  .path("name")
                  .asText())
          .isEqualTo("state");
      assertThat(env(container, "MICRONAUT_CONFIG_FILES")).contains("streams.yml");
    }
  }

  @Test
  void everyReferencedConfigMapKeyAndSecretExists() {
    Set<String> operatorSecrets = new HashSet<>();
    MANIFESTS.ofKind("KafkaUser").forEach(u -> operatorSecrets.add(u.name() + "/sasl.jaas.config"));
    MANIFESTS.ofKind("Cluster").forEach(c -> operatorSecrets.add(c.name() + "-app/username"));
    MANIFESTS.ofKind("Cluster").forEach(c -> operatorSecrets.add(c.name() + "-app/password"));
    operatorSecrets.add("vigil-cluster-ca-cert/ca.crt");
    String readme = ServiceCode.read(REPO.resolve("deploy/README.md"));
    HAND_MADE_SECRETS.forEach(
        (name, keys) -> {
          assertThat(readme).contains("kubectl -n vigil create secret generic " + name);
          keys.forEach(k -> operatorSecrets.add(name + "/" + k));
        });
    for (String service : TopicAccess.SERVICES) {
      Manifest workload = MANIFESTS.workload(service);
      for (JsonNode env : Manifests.container(workload).path("env")) {
        JsonNode cm = env.path("valueFrom").path("configMapKeyRef");
        if (!cm.isMissingNode()) {
          String literal = cm.path("key").asText() + "=";
          assertThat(
                  MANIFESTS
                      .configMapGenerator(cm.path("name").asText())
                      .path("literals")
                      .toString())
              .as(service + " " + env.path("name").asText())
              .contains(literal);
        }
        JsonNode secret = env.path("valueFrom").path("secretKeyRef");
        if (!secret.isMissingNode()) {
          assertThat(operatorSecrets)
              .as(service + " " + env.path("name").asText())
              .contains(secret.path("name").asText() + "/" + secret.path("key").asText());
        }
      }
      JsonNode jaas = Manifests.container(workload).path("env");
      assertThat(jaas.toString())
          .as(service + " authenticates as its own KafkaUser")
          .contains("\"name\":\"" + service + "\",\"key\":\"sasl.jaas.config\"");
    }
  }

  @Test
  void theShippedVigilConfigurationIsValid() {
    Path file = MANIFESTS.root.resolve("base/config/vigil.yaml");
    assertThat(VigilConfigLoader.load(file).services()).isNotEmpty();
    for (String service : TopicAccess.SERVICES) {
      JsonNode container = Manifests.container(MANIFESTS.workload(service));
      assertThat(env(container, "VIGIL_CONFIG")).isEqualTo("/etc/vigil/config/vigil.yaml");
      assertThat(mountOf(container, "/etc/vigil/config")).isEqualTo("config");
    }
  }

  @Test
  void jibPicksTheMainClassOfVigilServiceProperties() throws Exception {
    for (String service : TopicAccess.SERVICES) {
      var props = new java.util.Properties();
      try (var in =
          Files.newInputStream(
              REPO.resolve(service + "/src/main/resources/vigil-service.properties"))) {
        props.load(in);
      }
      assertThat(ServiceCode.mainClasses(REPO.resolve(service)))
          .as("Jib infers the main class only when %s has exactly one", service)
          .containsExactly(props.getProperty("main"));
    }
  }

  private static void assertProbe(String service, JsonNode probe, String path) {
    assertThat(probe.path("httpGet").path("path").asText()).as(service).isEqualTo(path);
    assertThat(probe.path("httpGet").path("port").asText()).as(service).isEqualTo("http");
  }

  /** The Micronaut config files the container loads, resolved to the files in the repository. */
  private static Set<Path> configFiles(String service, JsonNode container) {
    Set<Path> files = new HashSet<>();
    String list = env(container, "MICRONAUT_CONFIG_FILES");
    if (list == null) {
      return files;
    }
    for (String path : list.split(",")) {
      Path mounted = Path.of(path);
      String volume = mountOf(container, mounted.getParent().toString());
      assertThat(volume).as(service + ": " + path + " is not on a mounted volume").isNotNull();
      assertThat(volume).isEqualTo("runtime");
      String name = mounted.getFileName().toString();
      assertThat(MANIFESTS.configMapGenerator("vigil-runtime").path("files").toString())
          .as(service + ": vigil-runtime has no " + name)
          .contains("config/" + name);
      files.add(MANIFESTS.root.resolve("base/config/" + name));
    }
    return files;
  }

  private static String mountOf(JsonNode container, String mountPath) {
    for (JsonNode m : container.path("volumeMounts")) {
      if (m.path("mountPath").asText().equals(mountPath)) {
        return m.path("name").asText();
      }
    }
    return null;
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e.path("value").asText(null);
      }
    }
    return null;
  }

  private static JsonNode readYaml(Path file) {
    try {
      return ManifestReader.YAML.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
