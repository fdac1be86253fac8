package io.vigil.ticketstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.config.Service;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.WithKafkaStack;
import io.vigil.ticketstore.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An administrator replaces the configuration over REST and the running service follows it: the
 * story of one document through {@code PUT /api/v1/config}, a real broker and back, step by step.
 */
@WithKafkaStack
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigApiIT {

  private static final String ADMIN = "config-admin-token-0123456789abcdef";
  private static final Path EXAMPLE = Path.of("../deploy/local/vigil.yaml");

  private static TestDatabase database;
  private static EmbeddedServer server;
  private static HttpClient client;
  private static BlockingHttpClient http;
  private static String example;

  @BeforeAll
  static void start(KafkaStack stack) throws Exception {
    String topic = KafkaStack.uniqueTopicName("vigil.config");
    stack.createTopic(topic, 3, true);
    database = TestDatabase.create();
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.put("kafka.bootstrap.servers", stack.bootstrapServers());
    properties.put("vigil.schema-registry-url", stack.schemaRegistryUrl());
    properties.put("micronaut.server.port", -1);
    properties.put("vigil.api.admin-token", ADMIN);
    properties.put("vigil.config-file", EXAMPLE.toString());
    properties.put("vigil.config.topic", topic);
    properties.put("vigil.config.transactional-id", "config-" + topic);
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    client = HttpClient.create(server.getURL());
    http = client.toBlocking();
    example = Files.readString(EXAMPLE);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.getApplicationContext().close();
    database.close();
  }

  @Test
  @Order(1)
  void beforeAnythingIsPublishedTheStartupFileIsServedAtRevisionZero() {
    HttpResponse<String> answer =
        http.exchange(admin(HttpRequest.GET("/api/v1/config")), String.class);

    assertThat(answer.header("ETag")).isEqualTo("\"0\"");
    assertThat(answer.getContentType()).contains(MediaType.of("application/yaml"));
    assertThat(answer.body()).startsWith("apiVersion: vigil/v1\n").contains("- id: payments\n");
  }

  @Test
  @Order(2)
  void anInvalidDocumentIsRefusedWithEveryProblemAndNothingChanges() {
    String broken =
        example
            .replace("escalationPolicy: demo-fast", "escalationPolicy: nobody-has-this")
            .replace("apiVersion: vigil/v1", "apiVersion: vigil/v1\nfrobnicate: true");

    HttpClientResponseException refused = refuse(put(broken, "application/yaml"));

    assertThat(refused.getStatus().getCode()).isEqualTo(400);
    assertThat(refused.getResponse().getBody(String.class).orElseThrow())
        .contains("the configuration is not valid; nothing was changed")
        .contains("frobnicate: unknown field");
    assertThat(live().revision()).isZero();
  }

  @Test
  @Order(3)
  void withoutTheAdminTokenTheConfigurationCannotBeReadOrReplaced() {
    HttpClientResponseException read = refuse(HttpRequest.GET("/api/v1/config"));
    HttpClientResponseException write =
        refuse(HttpRequest.PUT("/api/v1/config", example).contentType("application/yaml"));

    assertThat(read.getStatus().getCode()).isEqualTo(401);
    assertThat(write.getStatus().getCode()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void aValidDocumentIsPublishedAndInForceWhenThePutAnswers() {
    String withAudit =
        example.replace(
            "\nclassification:",
            "\n  - id: audit-log\n    name: Audit log\n    escalationPolicy: demo-fast\n"
                + "classification:");

    HttpResponse<String> answer =
        http.exchange(put(withAudit, "application/yaml").header("If-Match", "\"0\""), String.class);

    assertThat(answer.body())
        .contains("\"revision\":1")
        .contains("\"SERVICE/audit-log\"")
        .contains("\"removed\":[]")
        .endsWith("\"inForce\":true}");
    assertThat(live().current().service("audit-log")).map(Service::name).contains("Audit log");
    HttpResponse<String> read =
        http.exchange(admin(HttpRequest.GET("/api/v1/config")), String.class);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.body()).contains("- id: audit-log\n");
  }

  @Test
  @Order(5)
  void aChangeMadeOnAnOlderRevisionIsRefused() {
    HttpClientResponseException stale =
        refuse(put(example, "application/yaml").header("If-Match", "\"0\""));

    assertThat(stale.getStatus().getCode()).isEqualTo(412);
    assertThat(stale.getResponse().getBody(String.class).orElseThrow())
        .contains("the configuration is at revision 1, not 0");
  }

  @Test
  @Order(6)
  void theJsonRenderingPutBackRemovesWhatItLacks() {
    String json =
        http.retrieve(
            admin(HttpRequest.GET("/api/v1/config")).accept(MediaType.APPLICATION_JSON_TYPE));
    String withoutAudit =
        json.replace(
            "{\"id\":\"audit-log\",\"name\":\"Audit log\",\"escalationPolicy\":\"demo-fast\"},",
            "");
    assertThat(withoutAudit).isNotEqualTo(json);

    String answer = http.retrieve(put(withoutAudit, "application/json"));

    assertThat(answer)
        .isEqualTo(
            "{\"revision\":2,\"changed\":[],\"removed\":[\"SERVICE/audit-log\"],\"inForce\":true}");
    assertThat(live().current().service("audit-log")).isEmpty();
  }

  @Test
  @Order(7)
  void theSameDocumentAgainChangesNothingAndKeepsTheRevision() {
    String answer = http.retrieve(put(example, "application/yaml"));

    assertThat(answer).isEqualTo("{\"revision\":2,\"changed\":[],\"removed\":[],\"inForce\":true}");
  }

  private static LiveConfig live() {
    return server.getApplicationContext().getBean(LiveConfig.class);
  }

  private static <T> io.micronaut.http.MutableHttpRequest<T> admin(
      io.micronaut.http.MutableHttpRequest<T> request) {
    return request.bearerAuth(ADMIN);
  }

  private static io.micronaut.http.MutableHttpRequest<String> put(String body, String type) {
    return admin(HttpRequest.PUT("/api/v1/config", body).contentType(type));
  }

  private static HttpClientResponseException refuse(HttpRequest<?> request) {
    try {
      http.exchange(request, String.class);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("expected " + request + " to be refused");
  }
}
