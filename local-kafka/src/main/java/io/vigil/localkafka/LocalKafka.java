package io.vigil.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;

/**
 * One real Kafka broker (KRaft, combined broker and controller, node 1) runs in this JVM on
 * loopback, and is only handed out once it answers a client.
 *
 * <p>The data directory is formatted on first use; starting again on the same directory keeps the
 * cluster id, the topics and their records. The broker logs through whatever SLF4J binding the
 * process has; {@link LocalKafkaMain} sets it to warnings only.
 */
public final class LocalKafka implements AutoCloseable {

  /** The name of the client listener; the controller listener is {@code CONTROLLER}. */
  public static final String LISTENER = "PLAINTEXT";

  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final int port;
  private final String clusterId;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalKafka(KafkaRaftServer server, Path dataDir, int port, String clusterId) {
    this.server = server;
    this.dataDir = dataDir;
    this.port = port;
    this.clusterId = clusterId;
  }

  /**
   * Formats {@code dataDir} if needed, starts the broker with its client listener on {@code
   * 127.0.0.1:port} (0 picks a free port) and its controller on another free port, and waits until
   * it answers {@code describeCluster}.
   *
   * @throws IllegalStateException when the broker does not start or answer within 60 s
   */
  public static LocalKafka start(Path dataDir, int port) {
    Path absolute = dataDir.toAbsolutePath();
    Path logDir = absolute.resolve("kafka-logs");
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Kafka data directory " + logDir, e);
    }
    int brokerPort = port == 0 ? FreePort.pick() : port;
    int controllerPort = FreePort.pickOtherThan(brokerPort);
    KafkaConfig config =
        new KafkaConfig(brokerProperties(logDir, brokerPort, controllerPort), false);
    String clusterId = KraftStorage.ensureFormatted(config, logDir);

    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    LocalKafka kafka = new LocalKafka(server, absolute, brokerPort, clusterId);
    try {
      server.startup();
      kafka.awaitAnswering();
    } catch (RuntimeException e) {
      kafka.close();
      throw new IllegalStateException(
          "Kafka broker in " + absolute + " on 127.0.0.1:" + brokerPort + " did not start", e);
    }
    return kafka;
  }

  /**
   * The broker configuration: a single node that is its own controller quorum, with every internal
   * topic at replication factor 1 so transactions and consumer groups work on one broker.
   */
  static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        LISTENER
            + "://127.0.0.1:"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://127.0.0.1:"
            + controllerPort);
    p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", LISTENER + ":PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", LISTENER);
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "3");
    p.put("auto.create.topics.enable", "true");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("min.insync.replicas", "1");
    p.put("default.replication.factor", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // The cleaner's dedupe buffer is allocated on the heap up front (128 MiB by default), which a
    // broker sharing a small test or service heap cannot afford.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    p.put("log.cleaner.backoff.ms", "1000");
    return p;
  }

  /** {@code 127.0.0.1:port} of the client listener. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The client listener's port. */
  public int port() {
    return port;
  }

  /** The data directory this broker was started on. */
  public Path dataDir() {
    return dataDir;
  }

  /** The KRaft cluster id, stable across restarts on the same data directory. */
  public String clusterId() {
    return clusterId;
  }

  /** Shuts the broker down and waits until it has; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.shutdown();
      server.awaitShutdown();
    }
  }

  private void awaitAnswering() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    Exception last = null;
    try (Admin admin = Admin.create(config)) {
      while (Instant.now().isBefore(deadline)) {
        try {
          var nodes =
              admin
                  .describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                  .nodes()
                  .get(10, TimeUnit.SECONDS);
          if (!nodes.isEmpty()) {
            return;
          }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for the broker", e);
        }
      }
    }
    throw new IllegalStateException(
        "broker on " + bootstrapServers() + " did not answer within " + READY_TIMEOUT, last);
  }
}
