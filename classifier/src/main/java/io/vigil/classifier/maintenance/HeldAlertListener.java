package io.vigil.classifier.maintenance;

/**
 * Told of every alert a maintenance window holds back, e.g. to count it per service on {@code
 * /prometheus}; the {@code maintenance-held} store is the exact record, this is a live signal.
 */
@FunctionalInterface
public interface HeldAlertListener {

  /** Listens to nothing. */
  HeldAlertListener NONE = serviceId -> {};

  /** An alert of {@code serviceId} was held by a maintenance window. */
  void held(String serviceId);
}
