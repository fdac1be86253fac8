package io.vigil.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole {@code vigil/v1} configuration document, validated: every reference in it names
 * something that exists. Build it with {@link VigilConfigLoader}.
 */
public record VigilConfig(
    String apiVersion,
    List<User> users,
    List<Team> teams,
    List<Schedule> schedules,
    List<EscalationPolicy> escalationPolicies,
    List<Service> services,
    List<ClassificationRule> classification,
    List<SlaTarget> sla) {

  /** The only document version this build reads. */
  public static final String API_VERSION = "vigil/v1";

  public VigilConfig {
    users = users == null ? List.of() : List.copyOf(users);
    teams = teams == null ? List.of() : List.copyOf(teams);
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    escalationPolicies = escalationPolicies == null ? List.of() : List.copyOf(escalationPolicies);
    services = services == null ? List.of() : List.copyOf(services);
    classification = classification == null ? List.of() : List.copyOf(classification);
    sla = sla == null ? List.of() : List.copyOf(sla);
  }

  /** A document without SLA targets. */
  public VigilConfig(
      String apiVersion,
      List<User> users,
      List<Team> teams,
      List<Schedule> schedules,
      List<EscalationPolicy> escalationPolicies,
      List<Service> services,
      List<ClassificationRule> classification) {
    this(apiVersion, users, teams, schedules, escalationPolicies, services, classification, null);
  }

  /** The response-time targets for a priority such as {@code P1}, if any. */
  public Optional<SlaTarget> slaTarget(String priority) {
    return sla.stream().filter(t -> t.priority().equals(priority)).findFirst();
  }

  public Optional<User> user(String id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<Team> team(String id) {
    return teams.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<Schedule> schedule(String id) {
    return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<EscalationPolicy> escalationPolicy(String id) {
    return escalationPolicies.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The service owning the integration with that routing key, and the integration. */
  public Optional<IntegrationMatch> integrationByKey(String key) {
    for (Service s : services) {
      Optional<Service.Integration> i = s.integration(key);
      if (i.isPresent()) {
        return Optional.of(new IntegrationMatch(s, i.get()));
      }
    }
    return Optional.empty();
  }

  /** A service and one of its integrations. */
  public record IntegrationMatch(Service service, Service.Integration integration) {}
}
