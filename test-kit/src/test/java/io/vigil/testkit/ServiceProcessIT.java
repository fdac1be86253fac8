package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.topic.Topic;
import io.vigil.schemas.topic.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

  @Test
  void startsTheRegistryAsAChildJvmAndStopsItWithSigterm() {
    int port = Ports.free();
    try (ServiceProcess registry =
        ServiceProcess.forModule("schema-registry")
            .name("registry-sigterm")
            .systemProperty("vigil.test.marker", "sigterm")
            .args("--in-memory", "--port", String.valueOf(port))
            .start()) {

      registry.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"));

      assertThat(registry.logFile())
          .isEqualTo(Path.of("target/service-logs/registry-sigterm.log").toAbsolutePath());
      assertThat(registry.output())
          .contains("-Xmx256m -XX:+UseSerialGC -Dvigil.test.marker=sigterm -cp ")
          .contains("schema registry ready on http://127.0.0.1:" + port);
      assertThat(registry.stop()).isEqualTo(143);
      assertThat(registry.exitCode()).hasValue(143);
    }
  }

  @Test
  void killEndsTheProcessAtOnce() {
    int port = Ports.free();
    try (ServiceProcess registry =
        ServiceProcess.forModule("schema-registry")
            .name("registry-kill")
            .args("--in-memory", "--port", String.valueOf(port))
            .start()) {
      registry.awaitLog("schema registry ready");

      registry.kill();

      assertThat(registry.isAlive()).isFalse();
      assertThat(registry.exitCode()).hasValue(137);
    }
  }

  @Test
  void aServiceThatExitsFailsTheWaitWithTheEndOfItsLog() {
    try (ServiceProcess broken =
        ServiceProcess.forModule("schema-registry")
            .name("registry-bad-arguments")
            .args("--nonsense")
            .start()) {

      assertThatThrownBy(() -> broken.awaitHealthy(URI.create("http://127.0.0.1:1/health")))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("registry-bad-arguments exited with code 2")
          .hasMessageContaining("unknown argument --nonsense");
    }
  }

  @Test
  void startsTheLocalBrokerWithTheCatalogueAsAChildJvm(@TempDir Path dir) throws Exception {
    int port = Ports.free();
    try (ServiceProcess kafka =
        ServiceProcess.forModule("local-kafka")
            .args("--dir", dir.toString(), "--port", String.valueOf(port))
            .start()) {

      kafka.awaitLog("kafka ready on 127.0.0.1:" + port);

      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
        assertThat(admin.listTopics().names().get())
            .containsAll(Topics.ALL.stream().map(Topic::name).toList());
      }
      assertThat(kafka.stop()).isEqualTo(143);
    }
  }
}
