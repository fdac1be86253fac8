package io.vigil.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a valid {@code vigil/v1} document into entries that can be stored one per key on a
 * compacted topic, and joins such entries back into the document, which is validated whole again: a
 * set of entries is only ever used as a complete, consistent configuration.
 */
public final class ConfigDocument {

  private static final ObjectMapper YAML =
      JsonMapper.builder(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  // "+6281200000001" stays a string when read back, not the number 6281200000001.
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
          .build();
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

  private ConfigDocument() {}

  /**
   * The entries of {@code text} (YAML or JSON), after checking the whole document as {@link
   * VigilConfigLoader#parse} does; a {@link ConfigException} lists every problem.
   */
  public static List<ConfigEntry> split(String text, String source) {
    VigilConfigLoader.parse(text, source);
    Map<String, Object> raw = read(text, source);
    List<ConfigEntry> entries = new ArrayList<>();
    for (ConfigEntry.Kind kind : ConfigEntry.Kind.values()) {
      Object value = raw.get(kind.field());
      if (!(value instanceof List<?> items) || items.isEmpty()) {
        continue;
      }
      if (!kind.byId()) {
        entries.add(new ConfigEntry(kind, ConfigEntry.WHOLE_LIST, write(items)));
        continue;
      }
      for (Object item : items) {
        Object id = ((Map<?, ?>) item).get("id");
        entries.add(new ConfigEntry(kind, String.valueOf(id), write(item)));
      }
    }
    // What followers will read must be what was validated: refuse here, not in every service.
    load(entries, source + " (as it would be published)");
    return List.copyOf(entries);
  }

  /** The document the entries make, as JSON, items of each list in the order of their ids. */
  public static String join(Collection<ConfigEntry> entries) {
    return write(tree(entries));
  }

  /** The document the entries make, as YAML for people to read and edit. */
  public static String joinAsYaml(Collection<ConfigEntry> entries) {
    try {
      return YAML.writeValueAsString(tree(entries));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the configuration as YAML", e);
    }
  }

  /** The validated configuration the entries make; {@code source} names them in errors. */
  public static VigilConfig load(Collection<ConfigEntry> entries, String source) {
    return VigilConfigLoader.parse(join(entries), source);
  }

  private static Map<String, Object> tree(Collection<ConfigEntry> entries) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", VigilConfig.API_VERSION);
    List<ConfigEntry> sorted =
        entries.stream()
            .sorted(Comparator.comparing(ConfigEntry::kind).thenComparing(ConfigEntry::id))
            .toList();
    for (ConfigEntry entry : sorted) {
      Object value = parseJson(entry);
      if (entry.kind().byId()) {
        @SuppressWarnings("unchecked")
        List<Object> list =
            (List<Object>) doc.computeIfAbsent(entry.kind().field(), k -> new ArrayList<>());
        list.add(value);
      } else {
        doc.put(entry.kind().field(), value);
      }
    }
    return doc;
  }

  private static Object parseJson(ConfigEntry entry) {
    try {
      return JSON.readValue(entry.json(), Object.class);
    } catch (IOException e) {
      throw new ConfigException(entry.key(), List.of("not valid JSON: " + e.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String text, String source) {
    try (JsonParser p = YAML.getFactory().createParser(text)) {
      p.nextToken();
      Object doc = value(p);
      if (!(doc instanceof Map<?, ?> map)) {
        throw new ConfigException(source, List.of("the document must be a mapping"));
      }
      return (Map<String, Object>) map;
    } catch (IOException e) {
      throw new ConfigException(source, List.of("not valid YAML: " + e.getMessage()));
    }
  }

  /**
   * The tree of the document, where a plain scalar that YAML reads as a number but whose text is
   * not that number's ({@code +6281200000001}, {@code 007}) stays the text it was written as —
   * exactly what the typed loader gives a string field, so a phone number keeps its plus.
   */
  private static Object value(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      return null;
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = p.getText();
        Number number = p.getNumberValue();
        return text.equals(String.valueOf(number)) ? number : text;
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> {
        return p.getText();
      }
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write configuration JSON", e);
    }
  }
}
