package io.vigil.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus Alertmanager as the peer Vigil is measured beside: its own process, in memory, on its
 * own port with clustering off, one webhook receiver (the page clock), every alert its own group
 * ({@code group_by: ['...']}) and {@code group_wait: 0s}, so each new alert notifies at once and a
 * repeat does not notify again — the same promise Vigil's dedupe makes.
 */
public final class AlertmanagerPeer implements AutoCloseable {

  private final Process process;
  private final int port;

  private AlertmanagerPeer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The configuration the peer runs with. */
  public static String config(int pagePort) {
    return String.join(
        "\n",
        "# Written by the benchmark (io.vigil.bench.stack.AlertmanagerPeer).",
        "global:",
        "  resolve_timeout: 1h",
        "route:",
        "  receiver: bench",
        "  group_by: ['...']",
        "  group_wait: 0s",
        "  group_interval: 1h",
        "  repeat_interval: 24h",
        "receivers:",
        "  - name: bench",
        "    webhook_configs:",
        "      - url: http://127.0.0.1:" + pagePort + "/alertmanager",
        "        send_resolved: false",
        "");
  }

  /**
   * Starts {@code binary} on 127.0.0.1:{@code port} with its files under {@code dir}, and waits
   * until {@code /-/ready} answers 200.
   */
  public static AlertmanagerPeer start(String binary, int port, int pagePort, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("data"));
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, config(pagePort));
    Process process =
        new ProcessBuilder(
                List.of(
                    binary,
                    "--config.file=" + config,
                    "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=",
                    "--log.level=warn"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    AlertmanagerPeer peer = new AlertmanagerPeer(process, port);
    // A benchmark stopped with Ctrl-C or SIGTERM does not leave Alertmanager on its port.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-alertmanager-stop"));
    HttpClient http = HttpClient.newHttpClient();
    URI ready = URI.create("http://127.0.0.1:" + port + "/-/ready");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "Alertmanager exited at start-up; see " + dir.resolve("alertmanager.log"));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return peer;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    peer.close();
    throw new IOException(
        "Alertmanager not ready after 30 s; see " + dir.resolve("alertmanager.log"));
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
