package io.vigil.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi resources against the code: a KafkaTopic for every catalogue topic, and for every
 * service a KafkaUser whose ACLs cover exactly what the service reads and writes.
 */
class KafkaManifestsTest {

  private static final Manifests MANIFESTS = new Manifests(ServiceCode.repo());

  @Test
  void everyCatalogueTopicHasAReplicatedKafkaTopic() {
    for (Topic<?> topic : Topics.ALL) {
      Manifest kt = kafkaTopic(topic.name());
      JsonNode spec = kt.spec();
      assertThat(spec.path("replicas").asInt()).as(kt + " replicas").isEqualTo(3);
      assertThat(spec.path("partitions").asInt()).as(kt + " partitions").isPositive();
      JsonNode config = spec.path("config");
      assertThat(config.path("min.insync.replicas").asInt()).as(kt + " min ISR").isEqualTo(2);
      assertThat(config.has("retention.ms")).as(kt + " has retention.ms").isTrue();
      assertThat(config.path("cleanup.policy").asText())
          .as(kt + " cleanup.policy")
          .isEqualTo(topic.compacted() ? "compact" : "delete");
      assertThat(kt.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .isEqualTo("vigil");
    }
  }

  @Test
  void theClassifiersByServiceTopicsHaveAsManyPartitionsAsTheAlertsTopic() {
    // Otherwise every alert from alert-ingest takes the repartition hop.
    String partitions = "3"; // the classifier's default
    for (JsonNode env : Manifests.container(MANIFESTS.workload("classifier")).path("env")) {
      if (env.path("name").asText().equals("VIGIL_CLASSIFIER_PARTITIONS")) {
        partitions = env.path("value").asText();
      }
    }
    assertThat(partitions)
        .isEqualTo(
            String.valueOf(kafkaTopic(Topics.ALERTS.name()).spec().path("partitions").asInt()));
  }

  @Test
  void everyKafkaTopicIsInTheCatalogue() {
    for (Manifest kt : MANIFESTS.ofKind("KafkaTopic")) {
      assertThat(Topics.byName(topicName(kt))).as(kt + " is not in Topics.ALL").isPresent();
    }
  }

  @Test
  void theAccessTableCoversTheWholeCatalogue() {
    assertThat(TopicAccess.READERS.keySet())
        .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
  }

  @Test
  void topicsTheCodeUsesAreInTheAccessTable() {
    for (String service : TopicAccess.SERVICES) {
      ServiceCode code = new ServiceCode(ServiceCode.repo(), service);
      for (String name : code.topicsUsed()) {
        Topic<?> topic = Topics.byName(name).orElseThrow();
        assertThat(TopicAccess.reads(service, topic) || TopicAccess.writes(service, topic))
            .as(
                "%s uses %s but TopicAccess says it neither reads nor writes it; add it to"
                    + " TopicAccess.READERS and to the service's KafkaUser",
                service, name)
            .isTrue();
      }
    }
  }

  @Test
  void everyServiceHasTheAclsItNeeds() {
    for (String service : TopicAccess.SERVICES) {
      List<JsonNode> acls = acls(service);
      for (Topic<?> topic : Topics.ALL) {
        if (TopicAccess.writes(service, topic)) {
          assertCovers(service, acls, "topic", topic.name(), "Write");
        }
        if (TopicAccess.reads(service, topic)) {
          assertCovers(service, acls, "topic", topic.name(), "Read");
        }
      }
      ServiceCode code = new ServiceCode(ServiceCode.repo(), service);
      for (String group : code.groupIds()) {
        assertCovers(service, acls, "group", group, "Read");
      }
      for (String id : code.transactionalIds()) {
        assertCovers(service, acls, "transactionalId", id, "Write");
      }
      for (String app : code.applicationIds()) {
        assertCovers(service, acls, "group", app, "Read");
        assertCovers(service, acls, "transactionalId", app + "-1-0_0", "Write");
        for (String op : List.of("Create", "Read", "Write", "Describe", "DescribeConfigs")) {
          assertCovers(service, acls, "topic", app + "-store-changelog", op);
        }
      }
    }
  }

  @Test
  void noServiceHasMoreThanItNeeds() {
    for (String service : TopicAccess.SERVICES) {
      ServiceCode code = new ServiceCode(ServiceCode.repo(), service);
      Set<String> prefixes = new TreeSet<>(code.applicationIds());
      for (JsonNode acl : acls(service)) {
        JsonNode resource = acl.path("resource");
        String type = resource.path("type").asText();
        String name = resource.path("name").asText();
        Set<String> ops = new TreeSet<>();
        acl.path("operations").forEach(o -> ops.add(o.asText()));
        String what = service + ": ACL " + type + " " + name + " " + ops;
        assertThat(name).as(what).isNotEqualTo("*");
        assertThat(ops).as(what).doesNotContain("All", "Alter", "AlterConfigs");
        assertThat(type).as(what).isIn("topic", "group", "transactionalId");
        if (type.equals("topic") && Topics.byName(name).isPresent()) {
          Topic<?> topic = Topics.byName(name).orElseThrow();
          Set<String> allowed = new TreeSet<>(Set.of("Describe"));
          if (TopicAccess.writes(service, topic)) {
            allowed.add("Write");
          }
          if (TopicAccess.reads(service, topic)) {
            allowed.add("Read");
          }
          assertThat(allowed).as(what + " exceeds what it reads and writes").containsAll(ops);
        } else if (type.equals("group")) {
          assertThat(code.groupIds().contains(name) || prefixes.contains(name))
              .as(what + " is not one of its groups or application ids")
              .isTrue();
        } else if (code.transactionalIds().contains(name)) {
          assertThat(resource.path("patternType").asText()).as(what).isEqualTo("literal");
        } else {
          assertThat(resource.path("patternType").asText()).as(what).isEqualTo("prefix");
          assertThat(prefixes.stream().anyMatch(p -> name.equals(p) || name.equals(p + "-")))
              .as(what + " is not its Kafka Streams application id")
              .isTrue();
        }
      }
    }
  }

  @Test
  void theClusterEnforcesAclsOnAnAuthenticatedListener() {
    Manifest kafka = MANIFESTS.get("Kafka", "vigil");
    JsonNode spec = kafka.spec().path("kafka");
    assertThat(spec.path("authorization").path("type").asText()).isEqualTo("simple");
    for (JsonNode listener : spec.path("listeners")) {
      assertThat(listener.path("authentication").path("type").asText())
          .as("listener " + listener.path("name").asText())
          .isIn("scram-sha-512", "tls");
      assertThat(listener.path("tls").asBoolean()).isTrue();
    }
    for (Manifest user : MANIFESTS.ofKind("KafkaUser")) {
      assertThat(user.spec().path("authentication").path("type").asText())
          .as(user.toString())
          .isEqualTo("scram-sha-512");
    }
  }

  private static List<JsonNode> acls(String service) {
    Manifest user = MANIFESTS.get("KafkaUser", service);
    List<JsonNode> acls = new ArrayList<>();
    user.spec().path("authorization").path("acls").forEach(acls::add);
    return acls;
  }

  private static void assertCovers(
      String service, List<JsonNode> acls, String type, String name, String op) {
    boolean covered =
        acls.stream()
            .anyMatch(
                acl -> {
                  JsonNode r = acl.path("resource");
                  boolean prefix = r.path("patternType").asText("literal").equals("prefix");
                  String resource = r.path("name").asText();
                  boolean matches =
                      r.path("type").asText().equals(type)
                          && (prefix ? name.startsWith(resource) : name.equals(resource));
                  boolean allows = false;
                  for (JsonNode o : acl.path("operations")) {
                    allows |= o.asText().equals(op);
                  }
                  return matches && allows;
                });
    assertThat(covered)
        .as("KafkaUser %s has no ACL allowing %s on %s %s", service, op, type, name)
        .isTrue();
  }

  private static Manifest kafkaTopic(String name) {
    return MANIFESTS.ofKind("KafkaTopic").stream()
        .filter(kt -> topicName(kt).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaTopic for catalogue topic " + name));
  }

  private static String topicName(Manifest kt) {
    String explicit = kt.spec().path("topicName").asText("");
    return explicit.isEmpty() ? kt.name() : explicit;
  }
}
