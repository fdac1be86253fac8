package io.vigil.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own code says about how it runs — its application.yml, its sources and the
 * shared service-runtime's — so the manifests can be checked against it rather than against a copy
 * of it.
 */
final class ServiceCode {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z_]*)\\b");
  private static final Pattern GROUP_ID = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern APPLICATION_ID =
      Pattern.compile("APPLICATION_ID\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern TRANSACTIONAL_ID =
      Pattern.compile("\\$\\{[a-z.-]*transactional-id:([A-Za-z0-9._-]+)}");

  final String module;
  private final Path moduleDir;
  private final String applicationYml;
  private final String sources;
  private final String runtimeSources;

  ServiceCode(Path repo, String module) {
    this.module = module;
    this.moduleDir = repo.resolve(module);
    this.applicationYml = read(moduleDir.resolve("src/main/resources/application.yml"));
    this.sources = javaSources(moduleDir.resolve("src/main/java"));
    this.runtimeSources = javaSources(repo.resolve("service-runtime/src/main/java"));
  }

  static Path repo() {
    String root = System.getProperty("vigil.repo.root");
    Path path = root == null ? Path.of("..") : Path.of(root);
    return path.toAbsolutePath().normalize();
  }

  /** Environment variables the service's application.yml reads, with their defaults. */
  Map<String, String> environmentPlaceholders() {
    return placeholders(applicationYml);
  }

  static Map<String, String> placeholders(String text) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.put(m.group(1), m.group(2) == null ? "" : m.group(2));
    }
    return found;
  }

  /** The HTTP port: the default of {@code micronaut.server.port: ${PORT:...}}. */
  int port() {
    String value = flatApplicationYml().get("micronaut.server.port");
    Matcher m = PLACEHOLDER.matcher(value == null ? "" : value);
    if (!m.matches() || !m.group(1).equals("PORT")) {
      throw new AssertionError(module + ": micronaut.server.port is not ${PORT:<default>}");
    }
    return Integer.parseInt(m.group(2));
  }

  /** application.yml as dotted keys, e.g. {@code kafka.bootstrap.servers}. */
  Map<String, String> flatApplicationYml() {
    try {
      return flatten(ManifestReader.YAML.readTree(applicationYml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten(node, "", out);
    return out;
  }

  private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      e.getValue(),
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      out));
    } else {
      out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
    }
  }

  /**
   * Catalogue topics the service's main code names: through a {@code Topics} constant or spelled as
   * a string (annotations need constants, e.g. {@code @Topic("vigil.sla.v1")}).
   */
  Set<String> topicsUsed() {
    Set<String> found = new TreeSet<>();
    Matcher m = TOPIC_CONSTANT.matcher(sources);
    while (m.find()) {
      if (!m.group(1).equals("ALL")) {
        found.add(TopicAccess.byConstant(m.group(1)).name());
      }
    }
    for (Topic<?> topic : Topics.ALL) {
      if (sources.contains("\"" + topic.name() + "\"")) {
        found.add(topic.name());
      }
    }
    return found;
  }

  /** Consumer group ids of the service's {@code @KafkaListener}s. */
  Set<String> groupIds() {
    return all(GROUP_ID, sources);
  }

  /** Transactional ids of the service's own producers, e.g. the configuration writer's. */
  Set<String> transactionalIds() {
    return all(TRANSACTIONAL_ID, sources);
  }

  /** Kafka Streams application ids the service defines. */
  Set<String> applicationIds() {
    return all(APPLICATION_ID, sources);
  }

  /** Whether the service (its code, service-runtime or application.yml) reads this property. */
  boolean readsProperty(String key) {
    if (flatApplicationYml().containsKey(key)) {
      return true;
    }
    String code = sources + runtimeSources;
    if (code.contains("\"${" + key + "}") || code.contains("\"${" + key + ":")) {
      return true;
    }
    int dot = key.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String field = camel(key.substring(dot + 1));
    return code.contains("@ConfigurationProperties(\"" + key.substring(0, dot) + "\")")
        && Pattern.compile("\\s" + field + "\\s*[=;]").matcher(code).find();
  }

  boolean mentions(String text) {
    return sources.contains(text);
  }

  private static String camel(String kebab) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static Set<String> all(Pattern p, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The classes of a module's main code that declare {@code static void main}. */
  static List<String> mainClasses(Path moduleDir) {
    Path root = moduleDir.resolve("src/main/java");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> read(f).matches("(?s).*\\bstatic\\s+void\\s+main\\s*\\(.*"))
          .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", ""))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaSources(Path root) {
    if (!Files.isDirectory(root)) {
      return "";
    }
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder all = new StringBuilder();
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> all.append(read(f)));
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
