package io.vigil.e2e;

import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.Ports;
import io.vigil.testkit.ServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The five Vigil services, each started as its own JVM the way the local stack starts them, against
 * the test JVM's broker and registry; stopped in reverse order.
 */
final class VigilServices implements AutoCloseable {

  private static final List<String> MODULES =
      List.of("ticket-store", "classifier", "escalation", "notifier", "alert-ingest");

  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final String dbSchema;

  private VigilServices(String dbSchema) {
    this.dbSchema = dbSchema;
  }

  /** The ticket store's admin token in these tests. */
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

  /** Starts all five with {@code config} and waits until each answers {@code /health}. */
  static VigilServices start(KafkaStack kafka, Path config, Path workDir) {
    Database db = Database.choose(workDir);
    VigilServices services = new VigilServices(db.schema());
    for (String module : MODULES) {
      services.ports.put(module, Ports.free());
    }
    for (String module : MODULES) {
      int port = services.ports.get(module);
      var launch =
          ServiceProcess.forModule(module)
              .env("PORT", String.valueOf(port))
              .env("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
              .env("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl())
              .env("VIGIL_CONFIG", config.toString())
              .env("VIGIL_STATE_DIR", workDir.resolve("state/" + module).toString())
              // The test's webhook receiver listens on loopback, which the notifier refuses
              // unless the operator allows it.
              .env("VIGIL_NOTIFIER_SSRF_ALLOW", "loopback");
      if (module.equals("ticket-store")) {
        launch.env("VIGIL_ADMIN_TOKEN", ADMIN_TOKEN);
        // On call now and shifts are answered by the escalation service.
        launch.env("VIGIL_ESCALATION_URL", services.url("escalation", "").toString());
        launch.env("VIGIL_DB_URL", db.url());
        if (db.user() != null) {
          launch.env("VIGIL_DB_USER", db.user());
        }
      }
      services.processes.put(module, launch.start());
    }
    for (String module : MODULES) {
      services
          .processes
          .get(module)
          .awaitHealthy(services.url(module, "/health"), Duration.ofSeconds(120));
    }
    return services;
  }

  URI url(String module, String path) {
    return URI.create("http://127.0.0.1:" + ports.get(module) + path);
  }

  ServiceProcess process(String module) {
    return processes.get(module);
  }

  @Override
  public void close() {
    List<String> reversed = new ArrayList<>(processes.keySet());
    java.util.Collections.reverse(reversed);
    for (String module : reversed) {
      processes.get(module).close();
    }
    Database.dropSchema(dbSchema);
  }

  /**
   * The ticket store's database: the machine's PostgreSQL when {@code VIGIL_TEST_DB_URL} names one
   * (a fresh schema per run), else an H2 file in the test's work directory.
   */
  record Database(String url, String user, String schema) {

    static Database choose(Path workDir) {
      String pg = System.getenv("VIGIL_TEST_DB_URL");
      if (pg == null || pg.isBlank()) {
        return new Database(
            "jdbc:h2:file:"
                + workDir.resolve("tickets").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            null,
            null);
      }
      String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(pg, defaultUser(), "");
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create schema in " + pg, e);
      }
      String sep = pg.contains("?") ? "&" : "?";
      return new Database(pg + sep + "currentSchema=" + schema, defaultUser(), schema);
    }

    static void dropSchema(String schema) {
      String pg = System.getenv("VIGIL_TEST_DB_URL");
      if (schema == null || pg == null) {
        return;
      }
      try (Connection c = DriverManager.getConnection(pg, defaultUser(), "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop schema " + schema, e);
      }
    }

    private static String defaultUser() {
      String user = System.getenv("VIGIL_TEST_DB_USER");
      return user == null || user.isBlank() ? "postgres" : user;
    }
  }
}
