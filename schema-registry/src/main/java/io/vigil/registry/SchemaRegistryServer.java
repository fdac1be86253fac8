package io.vigil.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry's HTTP server owns its store from {@link #start} to {@link #close}: it answers on
 * the JDK's HTTP server until closed, then closes the store.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  /** The loopback address the server binds unless told otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final int THREADS = 8;

  private final HttpServer http;
  private final ExecutorService executor;
  private final SchemaStore store;
  private final SchemaRegistry registry;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SchemaRegistryServer(
      HttpServer http, ExecutorService executor, SchemaStore store, SchemaRegistry registry) {
    this.http = http;
    this.executor = executor;
    this.store = store;
    this.registry = registry;
  }

  /** Starts on {@code 127.0.0.1:port} (0 picks a free port) over {@code store}. */
  public static SchemaRegistryServer start(int port, SchemaStore store) {
    return start(LOOPBACK, port, store);
  }

  /** Starts on {@code host:port} (e.g. 0.0.0.0 inside a container) over {@code store}. */
  public static SchemaRegistryServer start(String host, int port, SchemaStore store) {
    SchemaRegistry registry = new SchemaRegistry(store);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread t = new Thread(task, "schema-registry-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext("/", new RegistryHttpHandler(registry));
    http.start();
    return new SchemaRegistryServer(http, executor, store, registry);
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8085}. */
  public String url() {
    String host = http.getAddress().getAddress().isAnyLocalAddress() ? LOOPBACK : host();
    return "http://" + host + ":" + port();
  }

  /** The port the server listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The rules behind the HTTP API, for in-process callers. */
  public SchemaRegistry registry() {
    return registry;
  }

  /** Stops answering, then closes the store; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.stop(0);
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      store.close();
    }
  }

  private String host() {
    return http.getAddress().getAddress().getHostAddress();
  }
}
