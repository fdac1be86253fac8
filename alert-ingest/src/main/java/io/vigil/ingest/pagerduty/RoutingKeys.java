package io.vigil.ingest.pagerduty;

import io.vigil.config.Service;
import io.vigil.config.VigilConfig;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves an Events API v2 routing key to the service owning it; only integrations of type {@code
 * events-v2} count, so an Alertmanager or Grafana key is refused here.
 */
public final class RoutingKeys {

  private final Map<String, String> serviceByKey;

  private RoutingKeys(Map<String, String> serviceByKey) {
    this.serviceByKey = Map.copyOf(serviceByKey);
  }

  /** The events-v2 routing keys of every service in {@code config}. */
  public static RoutingKeys of(VigilConfig config) {
    return new RoutingKeys(
        config.services().stream()
            .flatMap(
                s ->
                    s.integrations().stream()
                        .filter(i -> i.type() == Service.IntegrationType.EVENTS_V2)
                        .map(i -> Map.entry(i.key(), s.id())))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
  }

  /** The id of the service whose events-v2 integration has {@code routingKey}. */
  public Optional<String> serviceFor(String routingKey) {
    return routingKey == null
        ? Optional.empty()
        : Optional.ofNullable(serviceByKey.get(routingKey));
  }
}
