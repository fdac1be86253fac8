package io.vigil.ingest.alert;

/** The wire format an alert arrived in, kept so downstream readers know what to expect. */
public enum SourceFormat {
  EVENTS_V2,
  ALERTMANAGER,
  GRAFANA
}
