package io.vigil.bench.page;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The webhook receiver standing in for people's phones, for both Vigil and Alertmanager: it stamps
 * every page with the time it arrived (System.nanoTime, the load generator's clock) before reading
 * it, answers 200, and remembers when each probe was first paged, how often, and how many pages
 * each service sent.
 */
public final class PageClock implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService workers;
  private final Map<Long, Long> firstPaged = new ConcurrentHashMap<>();
  private final Map<Long, Integer> timesPaged = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> pagesByService = new ConcurrentHashMap<>();
  private final LongAdder pages = new LongAdder();
  private final AtomicLong lastPage = new AtomicLong();

  private PageClock(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Listens on 127.0.0.1:{@code port} (0: any free port). */
  public static PageClock start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    ExecutorService workers = Executors.newFixedThreadPool(8);
    PageClock clock = new PageClock(server, workers);
    server.createContext("/", clock::handle);
    server.setExecutor(workers);
    server.start();
    return clock;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 200);
        return;
      }
      record(body, arrived);
      respond(exchange, 200);
    }
  }

  /** Takes one page (its body) that arrived at {@code arrivedNanos}. */
  void record(String body, long arrivedNanos) {
    pages.increment();
    lastPage.accumulateAndGet(arrivedNanos, Math::max);
    for (long probe : PageBodies.probes(body)) {
      firstPaged.putIfAbsent(probe, arrivedNanos);
      timesPaged.merge(probe, 1, Integer::sum);
    }
    for (String service : PageBodies.services(body)) {
      pagesByService.computeIfAbsent(service, s -> new LongAdder()).increment();
    }
  }

  /** When probe {@code id} was first paged (nanoTime), or null when it was not. */
  public Long firstPaged(long id) {
    return firstPaged.get(id);
  }

  /** How many pages named probe {@code id}. */
  public int timesPaged(long id) {
    return timesPaged.getOrDefault(id, 0);
  }

  /** Pages received so far. */
  public long pages() {
    return pages.sum();
  }

  /** Pages so far that name one of {@code services}. */
  public long pagesOf(Set<String> services) {
    return services.stream()
        .map(pagesByService::get)
        .filter(a -> a != null)
        .mapToLong(LongAdder::sum)
        .sum();
  }

  /** When the latest page arrived (nanoTime), 0 before the first. */
  public long lastPageNanos() {
    return lastPage.get();
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    byte[] ok = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, ok.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(ok);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
