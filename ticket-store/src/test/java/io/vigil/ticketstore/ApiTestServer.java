package io.vigil.ticketstore;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The ticket store's HTTP API in-process, without Kafka, on a fresh database, with commands
 * recorded instead of published, a configuration the test can replace ({@link #config()}) and the
 * bootstrap admin token {@value #ADMIN}.
 */
public final class ApiTestServer implements AutoCloseable {

  public static final String ADMIN = "test-admin-token";

  public final TestDatabase database;
  public final EmbeddedServer server;
  public final HttpClient client;
  public final BlockingHttpClient http;

  public ApiTestServer(Map<String, Object> extra) {
    database = TestDatabase.create();
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.put("kafka.enabled", false);
    properties.put("micronaut.server.port", -1);
    properties.put("vigil.test.recording-commands", true);
    properties.put("vigil.test.switchable-config", true);
    properties.put("vigil.api.admin-token", ADMIN);
    // Tests run in the module directory; the local stack's document is one level up.
    properties.put("vigil.config-file", "../deploy/local/vigil.yaml");
    properties.putAll(extra);
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    client = HttpClient.create(server.getURL());
    http = client.toBlocking();
  }

  /** The configuration in force, which a test may replace between two requests. */
  public SwitchableConfig config() {
    return bean(SwitchableConfig.class);
  }

  public <T> T bean(Class<T> type) {
    return server.getApplicationContext().getBean(type);
  }

  /** The request with {@code Authorization: Bearer token} when a token is given. */
  public static <B> MutableHttpRequest<B> as(String token, MutableHttpRequest<B> request) {
    return token == null ? request : request.bearerAuth(token);
  }

  /** The answer to the request: status and body, errors included. */
  public Answer send(HttpRequest<?> request) {
    try {
      HttpResponse<String> response = http.exchange(request, String.class);
      return new Answer(response.getStatus().getCode(), response.getBody().orElse(""));
    } catch (HttpClientResponseException e) {
      return new Answer(e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""));
    }
  }

  /** A status code and the body as text. */
  public record Answer(int status, String body) {}

  @Override
  public void close() throws Exception {
    client.close();
    server.getApplicationContext().close();
    database.close();
  }
}
