package io.vigil.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A service under test runs as its own JVM, started the way the local stack starts it ({@code
 * <module>/target/classes} plus {@code target/lib/*}, main class from {@code
 * vigil-service.properties}), with everything it prints kept in {@code
 * target/service-logs/<name>.log}; a wait that fails quotes the end of that log.
 */
public final class ServiceProcess implements AutoCloseable {

  /** The JVM options of every service child process. */
  public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int TAIL_LINES = 40;
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    // A test that forgets to close a service must not leave a JVM holding its ports.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "service-process-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path logFile;
  private final long logStart;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServiceProcess(String name, Process process, Path logFile, long logStart) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.logStart = logStart;
  }

  /** A launcher for the service module {@code module}, e.g. {@code alert-ingest}. */
  public static ServiceLaunch forModule(String module) {
    return new ServiceLaunch(module);
  }

  /** Registers a started child so it is killed if the test JVM ends with it still running. */
  static ServiceProcess track(String name, Process process, Path logFile, long logStart) {
    RUNNING.add(process);
    process.onExit().thenRun(() -> RUNNING.remove(process));
    return new ServiceProcess(name, process, logFile, logStart);
  }

  /** The name its log file is named after. */
  public String name() {
    return name;
  }

  /** The operating system's process id. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit code once it has exited (137 after {@link #kill}, 143 after {@link #stop}). */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * Where its standard output and error go; appended to, so earlier runs of the same name stay
   * above this run's header line.
   */
  public Path logFile() {
    return logFile;
  }

  /** Everything this run printed so far (earlier runs in the same log file excluded). */
  public String output() {
    try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
      channel.position(logStart);
      return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  /** The last {@code lines} lines this run printed. */
  public String logTail(int lines) {
    List<String> all = output().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Waits up to 60 s until {@code GET health} answers 200. */
  public ServiceProcess awaitHealthy(URI health) {
    return awaitHealthy(health, DEFAULT_TIMEOUT);
  }

  /**
   * Waits until {@code GET health} answers 200.
   *
   * @throws AssertionError with the end of the log when the process exits first or time runs out
   */
  public ServiceProcess awaitHealthy(URI health, Duration timeout) {
    return awaitCondition("GET " + health + " to answer 200", timeout, () -> answers200(health));
  }

  /** Waits up to 60 s until its output contains {@code text}, e.g. a ready line. */
  public ServiceProcess awaitLog(String text) {
    return awaitLog(text, DEFAULT_TIMEOUT);
  }

  /** Waits until its output contains {@code text}; fails like {@link #awaitHealthy}. */
  public ServiceProcess awaitLog(String text, Duration timeout) {
    return awaitCondition("its output to contain \"" + text + "\"", timeout, () -> logHas(text));
  }

  /** Kills it at once ({@code kill -9}): no shutdown hook runs. */
  public void kill() {
    process.destroyForcibly();
    waitForExit(STOP_TIMEOUT);
  }

  /**
   * Asks it to stop ({@code SIGTERM}, shutdown hooks run) and waits.
   *
   * @return its exit code (143 is a JVM that stopped on SIGTERM)
   * @throws AssertionError when it has not stopped within 30 s (it is then killed)
   */
  public int stop() {
    process.destroy();
    if (!waitForExit(STOP_TIMEOUT)) {
      process.destroyForcibly();
      waitForExit(STOP_TIMEOUT);
      throw new AssertionError(
          name
              + " did not stop within "
              + STOP_TIMEOUT
              + " of SIGTERM and was killed; log:\n"
              + logTail(TAIL_LINES));
    }
    return process.exitValue();
  }

  /** Stops it if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private ServiceProcess awaitCondition(
      String what, Duration timeout, Callable<Boolean> condition) {
    try {
      Awaitility.await(name + " " + what)
          .atMost(timeout)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (condition.call()) {
                  return true;
                }
                if (!process.isAlive()) {
                  throw new AssertionError(
                      name
                          + " exited with code "
                          + process.exitValue()
                          + " before "
                          + what
                          + "; last lines of "
                          + logFile
                          + ":\n"
                          + logTail(TAIL_LINES));
                }
                return false;
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          name
              + " did not get "
              + what
              + " within "
              + timeout
              + "; last lines of "
              + logFile
              + ":\n"
              + logTail(TAIL_LINES),
          e);
    }
    return this;
  }

  private boolean answers200(URI health) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + health, e);
    }
  }

  private boolean logHas(String text) {
    return output().contains(text);
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
