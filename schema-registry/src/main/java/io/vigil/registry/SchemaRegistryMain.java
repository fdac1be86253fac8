package io.vigil.registry;

import java.util.concurrent.CountDownLatch;

/**
 * The local stack's schema registry: serves on {@code --port} over the {@code _schemas} topic of
 * {@code --bootstrap} (or in memory with {@code --in-memory}), prints one ready line and runs until
 * the process is terminated.
 *
 * <p>Usage: {@code SchemaRegistryMain [--port 8085] [--host 127.0.0.1] (--bootstrap HOST:PORT
 * [--topic _schemas] | --in-memory)}.
 */
public final class SchemaRegistryMain {

  private static final String USAGE =
      "usage: SchemaRegistryMain [--port 8085] [--host 127.0.0.1]"
          + " (--bootstrap HOST:PORT [--topic _schemas] | --in-memory)";

  private SchemaRegistryMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int port = 8085;
    String host = SchemaRegistryServer.LOOPBACK;
    String bootstrap = null;
    String topic = KafkaSchemaStore.DEFAULT_TOPIC;
    boolean inMemory = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(valueAfter(args, i++));
        case "--host" -> host = valueAfter(args, i++);
        case "--bootstrap" -> bootstrap = valueAfter(args, i++);
        case "--topic" -> topic = valueAfter(args, i++);
        case "--in-memory" -> inMemory = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (inMemory == (bootstrap != null)) {
      usage("give exactly one of --bootstrap and --in-memory");
    }

    SchemaStore store =
        inMemory ? new InMemorySchemaStore() : KafkaSchemaStore.open(bootstrap, topic);
    SchemaRegistryServer server = SchemaRegistryServer.start(host, port, store);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "schema-registry-shutdown"));
    System.out.println("schema registry ready on " + server.url());
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
    System.err.println(USAGE);
    System.exit(2);
  }
}
