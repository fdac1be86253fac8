package io.vigil.ticketstore.config;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.config.ConfigDocument;
import io.vigil.config.ConfigException;
import io.vigil.runtime.config.ConfigPublisher;
import io.vigil.ticketstore.api.ErrorMessage;
import io.vigil.ticketstore.auth.AuditLog;
import io.vigil.ticketstore.auth.Caller;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/PUT /api/v1/config} (admin): the whole {@code vigil/v1} document, read as YAML or JSON
 * with its revision as the ETag, and replaced whole — validated first, every problem named by its
 * path — after which every service runs with it within seconds, without a restart.
 */
@Controller("/api/v1/config")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class ConfigController {

  static final String YAML = "application/yaml";

  private final ConfigAdmin admin;
  private final AuditLog audit;

  public ConfigController(ConfigAdmin admin, AuditLog audit) {
    this.admin = admin;
    this.audit = audit;
  }

  /** The answer to a PUT. */
  @Serdeable
  public record Applied(
      long revision, List<String> changed, List<String> removed, boolean inForce) {}

  /** A refused document: one line per problem, each starting with its path. */
  @Serdeable
  public record Refused(String message, List<String> problems) {}

  @Get(produces = {YAML, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The configuration in force (admin)",
      description =
          "YAML unless the Accept header asks for application/json. The ETag is the revision:"
              + " send it back as If-Match on PUT to refuse overwriting someone else's change.")
  @ApiResponse(responseCode = "200", description = "the whole vigil/v1 document")
  public HttpResponse<String> get(@Header(HttpHeaders.ACCEPT) @Nullable String accept) {
    ConfigAdmin.Document doc = admin.current();
    boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON);
    String body =
        json ? ConfigDocument.join(doc.entries()) : ConfigDocument.joinAsYaml(doc.entries());
    return HttpResponse.ok(body)
        .contentType(json ? MediaType.APPLICATION_JSON_TYPE : MediaType.of(YAML))
        .header(HttpHeaders.ETAG, "\"" + doc.revision() + "\"");
  }

  @Put(
      consumes = {
        YAML,
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml",
        MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN
      })
  @Operation(
      summary = "Replace the whole configuration (admin)",
      description =
          "Validates the whole document (unknown references, bad durations, overlapping rules,"
              + " duplicate ids) and publishes what changed to vigil.config.v1; services apply it"
              + " within seconds. inForce says whether this ticket store already runs with it.")
  @ApiResponse(responseCode = "200", description = "published; the new revision and what changed")
  @ApiResponse(responseCode = "400", description = "the document is invalid; every problem listed")
  @ApiResponse(responseCode = "409", description = "another change was written at the same time")
  @ApiResponse(responseCode = "412", description = "If-Match names an older revision")
  public HttpResponse<Applied> put(
      HttpRequest<?> request,
      @Body @Nullable String body,
      @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
    ConfigAdmin.Replaced done = admin.replace(body, ifMatch);
    if (!done.changed().isEmpty() || !done.removed().isEmpty()) {
      audit.record(
          Caller.of(request),
          "config.replace",
          "revision " + done.revision(),
          Map.<String, Object>of("changed", done.changed(), "removed", done.removed()));
    }
    return HttpResponse.ok(
            new Applied(done.revision(), done.changed(), done.removed(), done.inForce()))
        .header(HttpHeaders.ETAG, "\"" + done.revision() + "\"");
  }

  @Error(exception = ConfigException.class)
  HttpResponse<Refused> invalid(ConfigException e) {
    return HttpResponse.badRequest(
        new Refused(
            "the configuration is not valid; nothing was changed. Fix each problem and PUT again",
            e.problems()));
  }

  @Error(exception = ConfigAdmin.StaleRevisionException.class)
  HttpResponse<ErrorMessage> stale(ConfigAdmin.StaleRevisionException e) {
    return HttpResponse.<ErrorMessage>status(HttpStatus.PRECONDITION_FAILED)
        .body(new ErrorMessage(e.getMessage()));
  }

  @Error(exception = ConfigPublisher.ConcurrentChangeException.class)
  HttpResponse<ErrorMessage> concurrent(ConfigPublisher.ConcurrentChangeException e) {
    return HttpResponse.<ErrorMessage>status(HttpStatus.CONFLICT)
        .body(new ErrorMessage(e.getMessage()));
  }
}
