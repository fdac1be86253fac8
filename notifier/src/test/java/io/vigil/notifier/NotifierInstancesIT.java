package io.vigil.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.localkafka.TopicProvisioner;
import io.vigil.notifier.schedule.NotifierTopology;
import io.vigil.runtime.streams.KafkaStreamsLifecycle;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.WithKafkaStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifier instances coming and going: storm-digest counts survive a restart (they are in a
 * changelogged store, restored on a fresh state directory), and a step whose task moves to another
 * instance after its page went out is not sent again there (the delivery log follows what every
 * instance records).
 */
@WithKafkaStack
class NotifierInstancesIT {

  /** One POST the receiver got. */
  record Post(String path, String deliveryId, String body) {}

  private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<ApplicationContext> running = new ArrayList<>();
  private HttpServer receiver;
  private Path config;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          posts.add(
              new Post(
                  path,
                  exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          if (path.equals("/gus-hang")) {
            try {
              // Holds the page open: sent, but its outcome not known yet.
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    config = dir.resolve("vigil.yaml");
    Files.writeString(
        config,
        """
        apiVersion: vigil/v1
        users:
          - id: gus
            contactMethods:
              - { id: gus-hang, type: webhook, url: "%1$s/gus-hang" }
              - { id: gus-backup, type: webhook, url: "%1$s/gus-backup" }
            notificationRules:
              high: [ { contactMethod: gus-hang, after: 0s }, { contactMethod: gus-backup, after: 10m } ]
          - id: hal
            contactMethods:
              - { id: hal-hook, type: webhook, url: "%1$s/hal" }
            notificationRules:
              high: [ { contactMethod: hal-hook, after: 0s } ]
        """
            .formatted("http://127.0.0.1:" + receiver.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    release.countDown();
    running.forEach(ApplicationContext::close);
    receiver.stop(0);
  }

  private ApplicationContext notifier(KafkaStack stack, Path stateDir, Duration digestInterval)
      throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("micronaut.server.port", Ports.free());
    settings.put("kafka.bootstrap.servers", stack.bootstrapServers());
    settings.put("vigil.schema-registry-url", stack.schemaRegistryUrl());
    settings.put("vigil.config-file", config.toString());
    settings.put("vigil.config.follow", false);
    settings.put("vigil.streams.state-dir", Files.createDirectories(stateDir).toString());
    settings.put("vigil.notifier.delivery.digest-interval", digestInterval.toMillis() + "ms");
    settings.put("vigil.notifier.delivery.shutdown-grace", "1s");
    ApplicationContext context =
        ApplicationContext.run(EmbeddedServer.class, settings).getApplicationContext();
    running.add(context);
    return context;
  }

  private void close(ApplicationContext context) {
    running.remove(context);
    context.close();
  }

  private List<Post> postsTo(String path) {
    return posts.stream().filter(p -> p.path().equals(path)).toList();
  }

  @Test
  void stormCountsSurviveARestartOnAFreshStateDirectory(KafkaStack stack, @TempDir Path dir)
      throws Exception {
    String run = UUID.randomUUID().toString();
    ApplicationContext first = notifier(stack, dir.resolve("first"), Duration.ofSeconds(20));
    List<String> events = new ArrayList<>();
    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      for (int i = 1; i <= 3; i++) {
        String event = "esc-" + run + "-" + i;
        String incident = "inc-" + run + "-" + i;
        events.add(event);
        stack.send(Topics.ESCALATIONS, incident, NotifierIT.fired(event, incident, "hal"));
        DeliveryOutcome expected = i == 1 ? DeliveryOutcome.DELIVERED : DeliveryOutcome.SUPPRESSED;
        results.awaitValue(
            expected + " " + event,
            n -> n.getAttemptId().equals(event + "/hal/hal-hook/0") && n.getOutcome() == expected);
      }
    }
    close(first);
    assertThat(postsTo("/hal"))
        .as("the window (20 s) must still be open when the first instance stops")
        .extracting(Post::deliveryId)
        .containsExactly(events.get(0) + "/hal/hal-hook/0");

    notifier(stack, dir.resolve("second"), Duration.ofSeconds(20));

    await("the digest, sent by the restarted notifier when the window ends")
        .atMost(Duration.ofSeconds(90))
        .until(() -> postsTo("/hal").size() == 2);
    Post digest = postsTo("/hal").get(1);
    assertThat(digest.deliveryId()).isEqualTo(events.get(2) + "/hal/hal-hook/0/digest");
    assertThat(digest.body()).contains("\"digest\":\"and 2 more incidents on payments\"");
  }

  @Test
  void aStepWhoseTaskMovesToAnotherInstanceAfterItsPageWentOutIsNotSentAgain(
      KafkaStack stack, @TempDir Path dir) throws Exception {
    ApplicationContext one = notifier(stack, dir.resolve("one"), Duration.ZERO);
    ApplicationContext two = notifier(stack, dir.resolve("two"), Duration.ZERO);
    await("both instances running with tasks of their own")
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                !partitionsOf(one, BY_USER).isEmpty()
                    && !partitionsOf(two, BY_USER).isEmpty()
                    && partitionsOf(one, BY_USER).size() + partitionsOf(two, BY_USER).size()
                        == TopicProvisioner.PARTITIONS);
    // a: the instance whose task hands over gus's steps (they are keyed by user); b: the other.
    int gus = partitionOf("gus");
    ApplicationContext a = partitionsOf(one, BY_USER).contains(gus) ? one : two;
    String incident = "inc-" + UUID.randomUUID();
    String event = "esc-" + UUID.randomUUID();
    String hang = event + "/gus/gus-hang/0";

    stack.send(Topics.ESCALATIONS, incident, NotifierIT.fired(event, incident, "gus"));
    await("a sends gus's page")
        .atMost(Duration.ofSeconds(60))
        .until(() -> postsTo("/gus-hang").size() == 1);
    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      results.awaitValue(
          "SENT " + hang,
          n -> n.getAttemptId().equals(hang) && n.getOutcome() == DeliveryOutcome.SENT);
    }

    // The other instance has followed the topic since before the page went out; a leaves.
    close(a);

    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      results.awaitValue(
          "UNKNOWN " + hang + " recorded by the other instance",
          n -> n.getAttemptId().equals(hang) && n.getOutcome() == DeliveryOutcome.UNKNOWN);
    }
    await("gus's backup, sent by the other instance at once instead of in 10 minutes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> postsTo("/gus-backup").size() == 1);
    await("the held page never sent a second time")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> postsTo("/gus-hang").size() == 1);
    assertThat(postsTo("/gus-backup").get(0).deliveryId()).isEqualTo(event + "/gus/gus-backup/1");
  }

  private static final String BY_USER =
      NotifierTopology.APPLICATION_ID + "-" + NotifierTopology.BY_USER + "-repartition";

  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
        % TopicProvisioner.PARTITIONS;
  }

  private static Set<Integer> partitionsOf(ApplicationContext context, String topic) {
    KafkaStreams streams = context.getBean(KafkaStreamsLifecycle.class).streams();
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return Set.of();
    }
    return streams.metadataForLocalThreads().stream()
        .flatMap(t -> t.activeTasks().stream())
        .flatMap(t -> t.topicPartitions().stream())
        .filter(p -> p.topic().equals(topic))
        .map(p -> p.partition())
        .collect(Collectors.toSet());
  }
}
