package io.vigil.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Executors;

/**
 * The local stack's stand-in for a person's phone: accepts every webhook page, answers 200, and
 * appends one line per page (time, path, delivery id, body) to a log the demo prints.
 */
public final class PageReceiver implements AutoCloseable {

  private final HttpServer server;
  private final Path log;

  private PageReceiver(HttpServer server, Path log) {
    this.server = server;
    this.log = log;
  }

  /** Starts a receiver on 127.0.0.1:{@code port} appending to {@code log}. */
  public static PageReceiver start(int port, Path log) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    PageReceiver receiver = new PageReceiver(server, log);
    server.createContext("/", receiver::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return receiver;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (exchange.getRequestURI().getPath().equals("/health")) {
        respond(exchange, 200, "{\"status\":\"UP\"}");
        return;
      }
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String deliveryId = exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id");
      String line =
          Instant.now()
              + " "
              + exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getPath()
              + " delivery="
              + deliveryId
              + " "
              + body.replace('\n', ' ')
              + "\n";
      synchronized (this) {
        Files.writeString(
            log,
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      System.out.print("page received: " + line);
      respond(exchange, 200, "{\"received\":true}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** {@code PageReceiver [--port 9999] [--log .vigil/pages.log]}. */
  public static void main(String[] args) throws IOException {
    int port = 9999;
    Path log = Path.of(".vigil/pages.log");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--log" -> log = Path.of(args[i + 1]);
        default -> {
          PrintStream err = System.err;
          err.println(
              "unknown option " + args[i] + "; usage: PageReceiver [--port N] [--log FILE]");
          System.exit(2);
        }
      }
    }
    if (log.getParent() != null) {
      Files.createDirectories(log.getParent());
    }
    PageReceiver receiver = start(port, log);
    Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
    System.out.println("page receiver ready on http://127.0.0.1:" + port + ", logging to " + log);
  }
}
