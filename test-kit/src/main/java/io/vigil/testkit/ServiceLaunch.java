package io.vigil.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A service child JVM is started from its module's build output only: {@code target/classes} and
 * {@code target/lib/*} of the module, the main class its {@code vigil-service.properties} names,
 * the repository root from {@code -Dvigil.repo.root} or the directory holding {@code mvnw}.
 */
public final class ServiceLaunch {

  private final String module;
  private String name;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();

  ServiceLaunch(String module) {
    this.module = module;
    this.name = module;
  }

  /** Names the log file {@code target/service-logs/<name>.log} (default: the module). */
  public ServiceLaunch name(String name) {
    this.name = name;
    return this;
  }

  /** Adds an environment variable to the inherited environment. */
  public ServiceLaunch env(String variable, String value) {
    env.put(variable, value);
    return this;
  }

  public ServiceLaunch env(Map<String, String> variables) {
    env.putAll(variables);
    return this;
  }

  /** Passes {@code -Dname=value} to the child JVM. */
  public ServiceLaunch systemProperty(String property, String value) {
    systemProperties.put(property, value);
    return this;
  }

  public ServiceLaunch systemProperties(Map<String, String> properties) {
    systemProperties.putAll(properties);
    return this;
  }

  /** Appends program arguments, given to the main class. */
  public ServiceLaunch args(String... arguments) {
    args.addAll(List.of(arguments));
    return this;
  }

  /**
   * The reactor root: the system property {@code vigil.repo.root} (set by surefire and failsafe),
   * else the nearest directory above the working directory that holds {@code mvnw}.
   */
  public static Path repoRoot() {
    String configured = System.getProperty("vigil.repo.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the Vigil repository root: set -Dvigil.repo.root or run below the directory"
            + " holding mvnw");
  }

  /** Starts the child JVM; wait for it with {@link ServiceProcess#awaitHealthy}. */
  public ServiceProcess start() {
    Path moduleDir = repoRoot().resolve(module);
    Path classes = moduleDir.resolve("target/classes");
    Path lib = moduleDir.resolve("target/lib");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          module
              + " is not packaged ("
              + classes
              + " and "
              + lib
              + " must exist): run `mvn -pl "
              + module
              + " package` first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ServiceProcess.JVM_OPTIONS);
    systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(classes + File.pathSeparator + lib + "/*");
    command.add(mainClass(moduleDir));
    command.addAll(args);

    Path logFile = Path.of("target", "service-logs", name + ".log").toAbsolutePath();
    try {
      Files.createDirectories(logFile.getParent());
      long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
      Files.writeString(
          logFile,
          "=== " + Instant.now() + " starting " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(moduleDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      return ServiceProcess.track(name, process, logFile, logStart);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + module + ": " + command, e);
    }
  }

  private static String mainClass(Path moduleDir) {
    Path file = moduleDir.resolve("src/main/resources/vigil-service.properties");
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          moduleDir.getFileName() + " is not a service module: cannot read " + file, e);
    }
    String main = properties.getProperty("main");
    if (main == null || main.isBlank()) {
      throw new IllegalStateException(file + " has no main=<class> line");
    }
    return main.trim();
  }
}
