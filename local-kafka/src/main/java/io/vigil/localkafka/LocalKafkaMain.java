package io.vigil.localkafka;

import io.vigil.schemas.topic.Topics;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's broker: starts {@link LocalKafka} on {@code --dir} and {@code --port},
 * provisions the topic catalogue, prints one ready line and runs until the process is terminated.
 *
 * <p>Usage: {@code LocalKafkaMain --dir DIR [--port 9092]}.
 */
public final class LocalKafkaMain {

  /** Where the broker's log4j configuration (warnings only, to stderr) lives on the classpath. */
  static final String LOG4J_CONFIG = "vigil-local-kafka-log4j.properties";

  private LocalKafkaMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("log4j.configuration") == null) {
      System.setProperty("log4j.configuration", LOG4J_CONFIG);
    }
    Path dir = null;
    int port = 9092;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(valueAfter(args, i++));
        case "--port" -> port = Integer.parseInt(valueAfter(args, i++));
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (dir == null) {
      usage("--dir is required");
    }

    LocalKafka kafka = LocalKafka.start(dir, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  stopped.countDown();
                },
                "local-kafka-shutdown"));
    TopicProvisioner.createTopics(kafka.bootstrapServers(), Topics.ALL);
    System.out.println("kafka ready on " + kafka.bootstrapServers());
    System.out.flush();
    stopped.await();
  }

  private static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length) {
      usage(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: LocalKafkaMain --dir DIR [--port 9092]");
    System.exit(2);
  }
}
