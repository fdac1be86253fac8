package io.vigil.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code vigil/v1} YAML document into a {@link VigilConfig}, refusing unknown fields and
 * anything {@link ConfigValidator} finds wrong, with every problem named by its path.
 */
public final class VigilConfigLoader {

  /** Environment variable naming the configuration file. */
  public static final String ENV = "VIGIL_CONFIG";

  /** The local stack's example document, relative to the repository root. */
  public static final String DEFAULT_PATH = "deploy/local/vigil.yaml";

  private static final ObjectMapper YAML = mapper();

  private VigilConfigLoader() {}

  /** Loads the file named by {@code VIGIL_CONFIG}, else {@code deploy/local/vigil.yaml}. */
  public static VigilConfig loadDefault() {
    return load(defaultPath());
  }

  /** The file {@code VIGIL_CONFIG} names, else the local stack's example. */
  public static Path defaultPath() {
    String env = System.getenv(ENV);
    return Path.of(env == null || env.isBlank() ? DEFAULT_PATH : env);
  }

  /** Loads and validates {@code file}. */
  public static VigilConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    return parse(text, file.toString());
  }

  /** Parses and validates {@code yaml}; {@code source} names it in error messages. */
  public static VigilConfig parse(String yaml, String source) {
    VigilConfig config;
    try {
      Map<?, ?> raw = YAML.readValue(yaml, Map.class);
      if (raw == null) {
        throw new ConfigException(source, List.of("the document is empty"));
      }
      Object version = raw.get("apiVersion");
      if (!VigilConfig.API_VERSION.equals(version)) {
        throw new ConfigException(
            source,
            List.of(
                "apiVersion: expected '"
                    + VigilConfig.API_VERSION
                    + "', found "
                    + (version == null ? "nothing" : "'" + version + "'")));
      }
      config = YAML.readValue(yaml, VigilConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(source, List.of(describe(e)));
    } catch (IOException e) {
      throw new ConfigException(source, List.of("not valid YAML: " + e.getMessage()));
    }
    List<String> problems = ConfigValidator.validate(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    return config;
  }

  private static String describe(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String where = path.length() == 0 ? "document" : path.toString();
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      return where + ": unknown field; known fields here: " + String.join(", ", known);
    }
    Throwable cause = rootCause(e);
    String reason = cause != null ? cause.getMessage() : e.getOriginalMessage();
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    return where + ": " + reason + (line > 0 ? " (line " + line + ")" : "");
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e.getCause();
    while (t != null && !(t instanceof IllegalArgumentException)) {
      t = t.getCause();
    }
    return t;
  }

  private static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("vigil-config");
    module.addDeserializer(
        Duration.class,
        new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return Durations.parse(p.getValueAsString());
          }
        });
    module.addDeserializer(
        LocalDateTime.class,
        new JsonDeserializer<>() {
          @Override
          public LocalDateTime deserialize(JsonParser p, DeserializationContext ctx)
              throws IOException {
            String text = p.getValueAsString();
            try {
              return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException(
                  "'" + text + "' is not a local date-time: use e.g. 2026-01-05T09:00");
            }
          }
        });
    module.addDeserializer(
        OffsetDateTime.class,
        new JsonDeserializer<>() {
          @Override
          public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx)
              throws IOException {
            String text = p.getValueAsString();
            try {
              return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException(
                  "'" + text + "' is not a date-time with offset: use e.g. 2026-11-22T02:00:00Z");
            }
          }
        });
    return JsonMapper.builder(new YAMLFactory())
        .addModule(module)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
