package io.vigil.ingest.webhook;

import io.vigil.config.Service;
import io.vigil.ingest.alert.SourceFormat;

/**
 * The two webhook dialects that share Alertmanager's payload shape, and what differs between them:
 * the integration type whose keys they accept, the payload version they require, and how their
 * links and client are named.
 */
public enum WebhookFormat {
  /** Prometheus Alertmanager's {@code webhook_configs}, payload version 4. */
  ALERTMANAGER(
      Service.IntegrationType.ALERTMANAGER,
      SourceFormat.ALERTMANAGER,
      "4",
      "Prometheus Alertmanager",
      "Prometheus graph"),
  /** Grafana unified alerting's webhook contact point (its payload says version 1). */
  GRAFANA(Service.IntegrationType.GRAFANA, SourceFormat.GRAFANA, null, "Grafana", "Alert rule");

  private final Service.IntegrationType integrationType;
  private final SourceFormat sourceFormat;
  private final String requiredVersion;
  private final String client;
  private final String generatorLinkText;

  WebhookFormat(
      Service.IntegrationType integrationType,
      SourceFormat sourceFormat,
      String requiredVersion,
      String client,
      String generatorLinkText) {
    this.integrationType = integrationType;
    this.sourceFormat = sourceFormat;
    this.requiredVersion = requiredVersion;
    this.client = client;
    this.generatorLinkText = generatorLinkText;
  }

  public Service.IntegrationType integrationType() {
    return integrationType;
  }

  public SourceFormat sourceFormat() {
    return sourceFormat;
  }

  /** The {@code version} a payload must carry when it carries one, or null for any. */
  public String requiredVersion() {
    return requiredVersion;
  }

  public String client() {
    return client;
  }

  public String generatorLinkText() {
    return generatorLinkText;
  }

  /** The metrics tag and YAML name: {@code alertmanager} or {@code grafana}. */
  public String tag() {
    return integrationType.yamlName();
  }
}
