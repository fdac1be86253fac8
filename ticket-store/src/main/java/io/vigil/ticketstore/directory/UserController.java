package io.vigil.ticketstore.directory;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vigil.config.VigilConfig;
import io.vigil.runtime.config.LiveConfig;
import io.vigil.ticketstore.api.NotFoundException;
import io.vigil.ticketstore.directory.DirectoryViews.UserDetail;
import io.vigil.ticketstore.directory.DirectoryViews.UserList;
import io.vigil.ticketstore.directory.DirectoryViews.UserSummary;

/**
 * {@code GET /api/v1/users} and {@code /api/v1/users/{id}}: the people of the configuration in
 * force now, with where they are reached but never a webhook secret; an unknown id is a 404.
 */
@Controller("/api/v1/users")
@SecurityRequirement(name = "bearer")
public class UserController {

  private final LiveConfig config;

  public UserController(LiveConfig config) {
    this.config = config;
  }

  @Get
  @Operation(summary = "Every user of the configuration, with their teams")
  @ApiResponse(responseCode = "200", description = "the users, in the configuration's order")
  public UserList list() {
    VigilConfig now = config.current();
    return new UserList(now.users().stream().map(u -> UserSummary.of(u, now)).toList());
  }

  @Get("/{id}")
  @Operation(
      summary = "One user: teams, schedules, contact methods and notification rules",
      description =
          "Email addresses and phone numbers are shown; webhook, Slack and Teams URLs only as"
              + " scheme and host; webhook secrets never.")
  @ApiResponse(responseCode = "200", description = "the user")
  @ApiResponse(responseCode = "404", description = "no user has this id")
  public UserDetail get(@PathVariable String id) {
    VigilConfig now = config.current();
    return now.user(id)
        .map(u -> UserDetail.of(u, now))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no user '" + id + "' in the configuration; GET /api/v1/users lists them"));
  }
}
