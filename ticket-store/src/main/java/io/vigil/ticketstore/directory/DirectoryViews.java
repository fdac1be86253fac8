package io.vigil.ticketstore.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.config.ContactMethod;
import io.vigil.config.Durations;
import io.vigil.config.EscalationPolicy;
import io.vigil.config.NotificationRule;
import io.vigil.config.Service;
import io.vigil.config.User;
import io.vigil.config.VigilConfig;
import io.vigil.ticketstore.status.ServiceStates.OpenIncidents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of {@code /api/v1/users} and {@code /api/v1/services}, mapped from the
 * configuration without its secrets: webhook secrets never appear, integration keys only as their
 * last four characters, webhook URLs only as scheme and host.
 */
final class DirectoryViews {

  private DirectoryViews() {}

  /** {@code GET /api/v1/users}. */
  @Serdeable
  record UserList(List<UserSummary> users) {}

  /** A user in a listing. */
  @Serdeable
  record UserSummary(String id, String name, String timeZone, List<String> teams) {

    static UserSummary of(User u, VigilConfig config) {
      return new UserSummary(
          u.id(), displayName(u.name(), u.id()), u.timeZone(), teamsOf(u, config));
    }
  }

  /** {@code GET /api/v1/users/{id}}. */
  @Serdeable
  record UserDetail(
      String id,
      String name,
      String timeZone,
      List<String> teams,
      List<String> schedules,
      List<ContactMethodView> contactMethods,
      RulesView notificationRules) {

    static UserDetail of(User u, VigilConfig config) {
      return new UserDetail(
          u.id(),
          displayName(u.name(), u.id()),
          u.timeZone(),
          teamsOf(u, config),
          config.schedules().stream()
              .filter(s -> s.layers().stream().anyMatch(l -> l.users().contains(u.id())))
              .map(s -> s.id())
              .toList(),
          u.contactMethods().stream().map(ContactMethodView::of).toList(),
          new RulesView(
              u.notificationRules().high().stream().map(RuleView::of).toList(),
              u.notificationRules().low().stream().map(RuleView::of).toList()));
    }
  }

  /** A way to reach a user: where to, never its signing secrets. */
  @Serdeable
  record ContactMethodView(
      String id,
      @Schema(allowableValues = {"webhook", "slack", "teams", "email", "sms", "voice"}) String type,
      @Schema(description = "email: the address") String address,
      @Schema(description = "sms, voice: the number") String number,
      @Schema(
              description = "webhook, slack, teams: scheme and host only",
              example = "https://hooks.slack.com/…")
          String url,
      @Schema(description = "webhook: whether requests are signed (the secrets are never shown)")
          boolean signed) {

    static ContactMethodView of(ContactMethod c) {
      return new ContactMethodView(
          c.id(),
          c.type() == null ? null : c.type().yamlName(),
          c.address(),
          c.number(),
          Masking.url(c.url()),
          !c.signingSecrets().isEmpty());
    }
  }

  /** A user's notification rules per urgency. */
  @Serdeable
  record RulesView(List<RuleView> high, List<RuleView> low) {}

  /** One step: this contact method, this long after the page. */
  @Serdeable
  record RuleView(String contactMethod, @Schema(example = "2m") String after) {

    static RuleView of(NotificationRule r) {
      return new RuleView(r.contactMethod(), duration(r.after()));
    }
  }

  /** {@code GET /api/v1/services}. */
  @Serdeable
  record ServiceList(List<ServiceSummary> services) {}

  /** Open incidents of a service by status. */
  @Serdeable
  record OpenCounts(int triggered, int acknowledged, int total) {

    static OpenCounts of(OpenIncidents open) {
      return new OpenCounts(open.triggered(), open.acknowledged(), open.total());
    }
  }

  /** A service in a listing. */
  @Serdeable
  record ServiceSummary(
      String id,
      String name,
      int tier,
      @JsonProperty("public") boolean isPublic,
      @Schema(allowableValues = {"operational", "maintenance", "degraded", "major_outage"})
          String state,
      OpenCounts openIncidents,
      String escalationPolicy) {}

  /** {@code GET /api/v1/services/{id}}. */
  @Serdeable
  record ServiceDetail(
      String id,
      String name,
      int tier,
      @JsonProperty("public") boolean isPublic,
      String state,
      OpenCounts openIncidents,
      List<IntegrationView> integrations,
      PolicyView escalationPolicy,
      List<MaintenanceView> maintenance) {}

  /** An inbound integration, its key masked. */
  @Serdeable
  record IntegrationView(
      @Schema(allowableValues = {"events-v2", "alertmanager", "grafana"}) String type,
      @Schema(example = "****************************1111") String key,
      @Schema(description = "whether requests must carry an HMAC signature") boolean signed,
      RateLimitView rateLimit) {

    static IntegrationView of(Service.Integration i) {
      return new IntegrationView(
          i.type() == null ? null : i.type().yamlName(),
          Masking.key(i.key()),
          i.signingSecret() != null,
          i.rateLimit() == null
              ? null
              : new RateLimitView(i.rateLimit().perSecond(), i.rateLimit().burst()));
    }
  }

  /** A token bucket. */
  @Serdeable
  record RateLimitView(int perSecond, int burst) {}

  /** A maintenance window and whether it is active now. */
  @Serdeable
  record MaintenanceView(Instant start, Instant end, String reason, boolean active) {

    static MaintenanceView of(Service.MaintenanceWindow w, Instant now) {
      Instant start = w.start() == null ? null : w.start().toInstant();
      Instant end = w.end() == null ? null : w.end().toInstant();
      return new MaintenanceView(
          start,
          end,
          w.reason(),
          start != null && end != null && !now.isBefore(start) && now.isBefore(end));
    }
  }

  /** The service's escalation policy, level by level. */
  @Serdeable
  record PolicyView(
      String id,
      String name,
      int repeat,
      @Schema(example = "30m") String acknowledgeTimeout,
      boolean repageOnHigherPriority,
      List<LevelView> levels) {

    static PolicyView of(EscalationPolicy p) {
      List<LevelView> levels = new java.util.ArrayList<>();
      for (int i = 0; i < p.levels().size(); i++) {
        EscalationPolicy.Level level = p.levels().get(i);
        levels.add(
            new LevelView(
                i + 1,
                level.targets().stream().map(TargetView::of).toList(),
                duration(level.escalateAfter()),
                level.roundRobin()));
      }
      return new PolicyView(
          p.id(),
          displayName(p.name(), p.id()),
          p.repeat(),
          duration(p.acknowledgeTimeout()),
          p.repageOnHigherPriority(),
          levels);
    }
  }

  /** One level: who is paged and when the next level follows. */
  @Serdeable
  record LevelView(
      int level,
      List<TargetView> targets,
      @Schema(example = "5m") String escalateAfter,
      boolean roundRobin) {}

  /** A user, a schedule's current on-call, or a team. */
  @Serdeable
  record TargetView(
      @Schema(allowableValues = {"user", "schedule", "team"}) String type, String id) {

    static TargetView of(EscalationPolicy.Target t) {
      if (t.user() != null) {
        return new TargetView("user", t.user());
      }
      return t.schedule() != null
          ? new TargetView("schedule", t.schedule())
          : new TargetView("team", t.team());
    }
  }

  static String displayName(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  private static List<String> teamsOf(User u, VigilConfig config) {
    return config.teams().stream()
        .filter(t -> t.members().contains(u.id()))
        .map(t -> t.id())
        .toList();
  }

  /** As the configuration writes it: {@code 0s}, {@code 2m}, {@code 1h}. */
  static String duration(Duration d) {
    if (d == null) {
      return null;
    }
    return d.isZero() ? "0s" : Durations.format(d);
  }
}
