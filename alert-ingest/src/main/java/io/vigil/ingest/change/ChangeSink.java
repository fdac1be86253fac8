package io.vigil.ingest.change;

import io.vigil.ingest.alert.AlertSink;

/** Where accepted changes go; {@link #publish} returns only once the change is durably stored. */
public interface ChangeSink {

  /**
   * Stores the change, waiting for the store's acknowledgement.
   *
   * @throws AlertSink.AlertsUnavailableException when it cannot be stored in time
   */
  void publish(Change change) throws AlertSink.AlertsUnavailableException;
}
