package io.vigil.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.vigil.schemas.DeliveryOutcome;
import io.vigil.schemas.NotificationEvent;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.AvroTopicReader;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import io.vigil.testkit.WithKafkaStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier as its own JVM, killed with {@code kill -9} while a webhook is being sent and while
 * a delayed step waits: after the restart the interrupted page is not sent again (it is recorded
 * UNKNOWN and the user's next contact method goes at once) and the delayed step is sent once.
 */
@WithKafkaStack
class NotifierRestartIT {

  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer receiver;
  private ServiceProcess notifier;

  @AfterEach
  void stop() {
    release.countDown();
    if (notifier != null) {
      notifier.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void killedBetweenSendAndRecordItDoesNotPageTwice(KafkaStack stack, @TempDir Path dir)
      throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          received.add(path + " " + exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id"));
          if (path.equals("/erin-hang")) {
            try {
              // Holds the request open: the notifier has sent the page but knows no outcome.
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort();
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(
        config,
        """
        apiVersion: vigil/v1
        users:
          - id: erin
            contactMethods:
              - { id: erin-hang, type: webhook, url: "%1$s/erin-hang" }
              - { id: erin-backup, type: webhook, url: "%1$s/erin-backup" }
            notificationRules:
              high: [ { contactMethod: erin-hang, after: 0s }, { contactMethod: erin-backup, after: 10m } ]
          - id: fay
            contactMethods:
              - { id: fay-later, type: webhook, url: "%1$s/fay-later" }
            notificationRules:
              high: [ { contactMethod: fay-later, after: 8s } ]
        """
            .formatted(hooks));
    int port = Ports.free();
    String erinEvent = "esc-" + UUID.randomUUID();
    String fayEvent = "esc-" + UUID.randomUUID();

    notifier = start(stack, config, dir, port);
    stack.send(Topics.ESCALATIONS, "inc-erin", NotifierIT.fired(erinEvent, "inc-erin", "erin"));
    stack.send(Topics.ESCALATIONS, "inc-fay", NotifierIT.fired(fayEvent, "inc-fay", "fay"));
    await("erin's page in flight")
        .atMost(Duration.ofSeconds(60))
        .until(() -> received.contains("/erin-hang " + erinEvent + "/erin/erin-hang/0"));
    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      // SENT is on Kafka before the request left; the step scheduler has committed fay's step.
      results.awaitValue(
          "SENT " + erinEvent,
          n ->
              n.getAttemptId().equals(erinEvent + "/erin/erin-hang/0")
                  && n.getOutcome() == DeliveryOutcome.SENT);
    }
    notifier.kill();
    release.countDown();

    notifier = start(stack, config, dir, port);

    String hang = erinEvent + "/erin/erin-hang/0";
    try (AvroTopicReader<NotificationEvent> results = stack.reader(Topics.NOTIFICATIONS)) {
      NotificationEvent unknown =
          results.awaitValue(
              "UNKNOWN " + hang,
              n -> n.getAttemptId().equals(hang) && n.getOutcome() == DeliveryOutcome.UNKNOWN);
      assertThat(unknown.getDetail())
          .isEqualTo(
              "the notifier stopped while this was being sent; not sent again so nobody is paged"
                  + " twice");
      results.awaitValue(
          "fay's delayed step",
          n ->
              n.getAttemptId().equals(fayEvent + "/fay/fay-later/0")
                  && n.getOutcome() == DeliveryOutcome.DELIVERED);
    }
    await("erin's backup, sent at once instead of in 10 minutes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> received.contains("/erin-backup " + erinEvent + "/erin/erin-backup/1"));
    await("nothing sent twice")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received.size() == 3);
    assertThat(received)
        .containsExactlyInAnyOrder(
            "/erin-hang " + hang,
            "/erin-backup " + erinEvent + "/erin/erin-backup/1",
            "/fay-later " + fayEvent + "/fay/fay-later/0");
  }

  private static ServiceProcess start(KafkaStack stack, Path config, Path dir, int port) {
    return ServiceProcess.forModule("notifier")
        .env("PORT", String.valueOf(port))
        .env("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
        .env("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
        .env("VIGIL_CONFIG", config.toString())
        .env("VIGIL_STATE_DIR", dir.resolve("state").toString())
        .start()
        .awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(90));
  }
}
