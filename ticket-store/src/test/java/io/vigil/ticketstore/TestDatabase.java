package io.vigil.ticketstore;

import io.vigil.testkit.KafkaStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: a new schema on the PostgreSQL named by {@code
 * VIGIL_TEST_DB_URL} (dropped on close), otherwise a private in-memory H2 in PostgreSQL mode.
 */
public final class TestDatabase implements AutoCloseable {

  private final String url;
  private final String user;
  private final String password;
  private final String schema;
  private final String baseUrl;

  private TestDatabase(String url, String user, String password, String schema, String baseUrl) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
    this.baseUrl = baseUrl;
  }

  /** Creates the database (PostgreSQL schema or H2 memory database). */
  public static TestDatabase create() {
    String name = "ts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String postgres = System.getenv("VIGIL_TEST_DB_URL");
    if (postgres == null || postgres.isBlank()) {
      return new TestDatabase(
          "jdbc:h2:mem:"
              + name
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
          "sa",
          "",
          null,
          null);
    }
    String user = envOr("VIGIL_TEST_DB_USER", "postgres");
    String password = envOr("VIGIL_TEST_DB_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(postgres, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema on " + postgres + " as " + user, e);
    }
    String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name;
    return new TestDatabase(url, user, password, name, postgres);
  }

  /** Whether this is a real PostgreSQL (for test names and messages). */
  public String kind() {
    return schema == null ? "h2" : "postgresql schema " + schema;
  }

  /** Micronaut properties pointing the default data source here. */
  public Map<String, Object> properties() {
    return Map.of(
        "datasources.default.url", url,
        "datasources.default.username", user,
        "datasources.default.password", password,
        "datasources.default.maximum-pool-size", 4);
  }

  /**
   * Properties for a whole ticket store on this database against the test kit's broker and
   * registry, on a free port, reading the local stack's configuration; add to them as needed.
   */
  public Map<String, Object> serverProperties(KafkaStack stack) {
    Map<String, Object> properties = new HashMap<>(properties());
    properties.put("kafka.bootstrap.servers", stack.bootstrapServers());
    properties.put("vigil.schema-registry-url", stack.schemaRegistryUrl());
    properties.put("micronaut.server.port", -1);
    // Tests run in the module directory; the local stack's document is one level up.
    properties.put("vigil.config-file", "../deploy/local/vigil.yaml");
    return properties;
  }

  @Override
  public void close() throws SQLException {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(baseUrl, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
      }
    } else {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
