package io.vigil.ingest.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.yml}: the OpenAPI description of every endpoint this service serves, kept
 * beside the code in {@code openapi/alert-ingest.yml} and checked against the controllers by a
 * test.
 */
@Controller
public class OpenApiController {

  /** Where the document lives on the classpath. */
  public static final String RESOURCE = "/openapi/alert-ingest.yml";

  private final String document;

  public OpenApiController() {
    try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing");
      }
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get("/openapi.yml")
  public HttpResponse<String> openApi() {
    return HttpResponse.ok(document).contentType("application/yaml");
  }
}
