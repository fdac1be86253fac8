package io.vigil.ingest.alert;

import java.util.List;

/** Where accepted alerts go; {@link #publish} returns only once the alert is durably stored. */
public interface AlertSink {

  /**
   * Stores the alert, waiting for the store's acknowledgement.
   *
   * @throws AlertsUnavailableException when it cannot be stored in time; the caller should retry
   */
  void publish(Alert alert) throws AlertsUnavailableException;

  /**
   * Stores every alert, returning once all are acknowledged; when any is not, the whole batch is
   * reported unavailable (a retry may store some twice, which dedup keys make harmless).
   */
  default void publishAll(List<Alert> alerts) throws AlertsUnavailableException {
    for (Alert alert : alerts) {
      publish(alert);
    }
  }

  /** The alert store did not acknowledge in time; nothing was promised to the sender. */
  final class AlertsUnavailableException extends Exception {

    public AlertsUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
