package io.vigil.ticketstore.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.ticketstore.api.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * Admin-only management of API tokens and reading of the audit log; a created token is shown once,
 * and every creation and revocation is audited.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class TokenController {

  private final ApiTokens tokens;
  private final AuditLog audit;

  public TokenController(ApiTokens tokens, AuditLog audit) {
    this.tokens = tokens;
    this.audit = audit;
  }

  /** {@code POST /api/v1/tokens}. */
  @Serdeable
  public record NewToken(
      @Schema(example = "alice-laptop") String name,
      @Schema(
              example = "responder",
              allowableValues = {"viewer", "responder", "admin"})
          String role) {}

  /** The answer to a creation: the token itself, shown only this once. */
  @Serdeable
  public record CreatedToken(String name, String role, String token) {}

  /** A token as listed: never the token itself. */
  @Serdeable
  public record TokenView(String name, String role, java.time.Instant createdAt) {}

  /** {@code GET /api/v1/tokens}. */
  @Serdeable
  public record TokenList(List<TokenView> tokens) {}

  /** {@code GET /api/v1/audit}. */
  @Serdeable
  public record AuditPage(List<AuditLog.AuditEntry> entries, Long nextAfter) {}

  @Post("/tokens")
  @Operation(summary = "Create an API token (admin); the token is in the answer only this once")
  @ApiResponse(responseCode = "201", description = "the new token")
  @ApiResponse(responseCode = "400", description = "blank or taken name, unknown role")
  @ApiResponse(responseCode = "401", description = "no or unknown token")
  @ApiResponse(responseCode = "403", description = "the caller is not an admin")
  public HttpResponse<CreatedToken> create(HttpRequest<?> request, @Body NewToken body) {
    Role role = Role.parse(body.role());
    String token = tokens.create(body.name(), role);
    audit.record(
        Caller.of(request), "token.create", body.name().trim(), Map.of("role", role.label()));
    return HttpResponse.created(new CreatedToken(body.name().trim(), role.label(), token));
  }

  @Get("/tokens")
  @Operation(summary = "Every API token's name and role (admin)")
  public TokenList list() {
    return new TokenList(
        tokens.list().stream()
            .map(t -> new TokenView(t.name(), t.role().label(), t.createdAt()))
            .toList());
  }

  @Delete("/tokens/{name}")
  @Operation(summary = "Revoke an API token (admin)")
  @ApiResponse(responseCode = "204", description = "revoked")
  @ApiResponse(responseCode = "404", description = "no token has this name")
  public HttpResponse<Void> revoke(HttpRequest<?> request, @PathVariable String name) {
    if (!tokens.revoke(name)) {
      throw new NotFoundException("no API token named '" + name + "'");
    }
    audit.record(Caller.of(request), "token.revoke", name, Map.of());
    return HttpResponse.noContent();
  }

  @Get("/audit")
  @Operation(
      summary = "The audit log, oldest first, a page at a time (admin)",
      description =
          "Each entry says how the action came in (via): api (an API token), link (a signed"
              + " action link from a page) or console (the web console).")
  @ApiResponse(responseCode = "400", description = "a bad limit or via")
  public AuditPage audit(
      @QueryValue @Nullable Long after,
      @QueryValue @Nullable Integer limit,
      @Parameter(description = "only entries that came in this way: api, link or console")
          @QueryValue
          @Nullable
          String via) {
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500, got " + size);
    }
    List<AuditLog.AuditEntry> entries =
        audit.read(
            after == null ? 0 : after, size, via == null || via.isBlank() ? null : Via.parse(via));
    return new AuditPage(
        entries, entries.size() < size ? null : entries.get(entries.size() - 1).seq());
  }
}
