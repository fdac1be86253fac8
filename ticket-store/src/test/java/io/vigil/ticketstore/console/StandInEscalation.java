package io.vigil.ticketstore.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Stands in for the escalation service's shifts route on a free port: every schedule has Alice on
 * call until three days after the asked {@code from}, then Bob; or a 500 while {@link #down}.
 */
final class StandInEscalation implements AutoCloseable {

  volatile boolean down;
  private final HttpServer server;

  StandInEscalation() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/v1/", this::shifts);
    server.start();
  }

  /** Where the ticket store should ask ({@code vigil.escalation.url}). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void shifts(HttpExchange exchange) throws IOException {
    String query =
        URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
    Instant from = Instant.parse(query.replaceAll(".*from=([^&]+).*", "$1"));
    String body =
        "{\"schedule\":\"payments-primary\",\"from\":\"%s\",\"to\":\"%s\",\"shifts\":["
                .formatted(from, from.plus(Duration.ofDays(14)))
            + shift("alice", from.minus(Duration.ofDays(1)), from.plus(Duration.ofDays(3)))
            + ","
            + shift("bob", from.plus(Duration.ofDays(3)), from.plus(Duration.ofDays(20)))
            + "]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(down ? 500 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String shift(String user, Instant start, Instant end) {
    return "{\"user\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(user, start, end);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
